/// The type of each item of a list parameter.
public struct ItemSpec: Sendable, Equatable {
    /// The item type (never `.list`).
    public var type: ParameterType
    /// Allowed values for `.enum` items.
    public var values: [String]
    /// The name of a grammar in `Spec.grammars` each item must follow.
    public var grammar: String?
    /// The data pool that supplies realistic values.
    public var pool: String?
    /// Inclusive bounds for `.integer` items.
    public var minimum: Int64?
    /// Inclusive bounds for `.integer` items.
    public var maximum: Int64?

    /// Creates an item spec.
    public init(type: ParameterType, values: [String] = [], grammar: String? = nil, pool: String? = nil,
                minimum: Int64? = nil, maximum: Int64? = nil) {
        self.type = type
        self.values = values
        self.grammar = grammar
        self.pool = pool
        self.minimum = minimum
        self.maximum = maximum
    }
}
