/// One query parameter: its type, its constraints and where realistic values come from.
public struct ParameterSpec: Sendable, Equatable {
    /// The name on the wire.
    public var name: String
    /// The parameter type.
    public var type: ParameterType
    /// Allowed values of an `.enum` parameter (case-sensitive).
    public var values: [String]
    /// Inclusive lower bound of an `.integer` parameter.
    public var minimum: Int64?
    /// Inclusive upper bound of an `.integer` parameter.
    public var maximum: Int64?
    /// The default value when the parameter is omitted, as wire text.
    public var defaultValue: String?
    /// The item type of a `.list` parameter.
    public var items: ItemSpec?
    /// The largest number of items a `.list` parameter accepts.
    public var maxItems: Int?
    /// A pagination role, if any.
    public var role: ParameterRole?
    /// Marked deprecated by the API.
    public var deprecated: Bool
    /// An oracle helper: shapes the response but is not a mission filter.
    public var helper: Bool
    /// The data pool that supplies realistic values.
    public var pool: String?
    /// The unit an integer value is counted in (`unit:`), if declared.
    public var unit: ValueUnit?
    /// Values (or items) are opaque identifiers compared exactly (`identifier: true`).
    public var identifier: Bool
    /// Free text.
    public var summary: String?
    /// The line in the spec file, for messages.
    public var line: Int

    /// Creates a parameter.
    public init(name: String, type: ParameterType, values: [String] = [], minimum: Int64? = nil,
                maximum: Int64? = nil, defaultValue: String? = nil, items: ItemSpec? = nil,
                maxItems: Int? = nil, role: ParameterRole? = nil, deprecated: Bool = false,
                helper: Bool = false, pool: String? = nil, unit: ValueUnit? = nil, identifier: Bool = false,
                summary: String? = nil, line: Int = 0) {
        self.name = name
        self.type = type
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
        self.defaultValue = defaultValue
        self.items = items
        self.maxItems = maxItems
        self.role = role
        self.deprecated = deprecated
        self.helper = helper
        self.pool = pool
        self.unit = unit
        self.identifier = identifier
        self.summary = summary
        self.line = line
    }

    /// True for a repeated-key list parameter.
    public var isList: Bool { type == .list }

    /// The grammar name this parameter's values (or items) follow, if any.
    public var grammarName: String? { items?.grammar }

    /// The effective item or scalar type.
    public var valueType: ParameterType { items?.type ?? type }

    /// The effective enum values of the scalar or of its items.
    public var valueEnum: [String] { isList ? (items?.values ?? []) : values }

    /// The effective pool of the scalar or of its items.
    public var valuePool: String? { isList ? items?.pool : pool }

    /// The effective inclusive bounds of the scalar or its items.
    public var valueBounds: (minimum: Int64?, maximum: Int64?) {
        isList ? (items?.minimum, items?.maximum) : (minimum, maximum)
    }
}
