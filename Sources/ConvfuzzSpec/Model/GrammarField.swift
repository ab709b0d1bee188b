/// One field of a mini-grammar such as `criteria_id:result`.
public struct GrammarField: Sendable, Equatable {
    /// The field name, referenced by filters (`match.field`, `match.op_field`).
    public var name: String
    /// The field must not be empty.
    public var nonEmpty: Bool
    /// The field must be present (its separator must appear).
    public var required: Bool
    /// A closed set of allowed values, when the field is an enum.
    public var values: [String]
    /// The data pool for realistic values.
    public var pool: String?
    /// The field whose value selects a `GrammarValueRule` for this one.
    public var dependsOn: String?

    /// Creates a field.
    public init(name: String, nonEmpty: Bool = false, required: Bool = false, values: [String] = [],
                pool: String? = nil, dependsOn: String? = nil) {
        self.name = name
        self.nonEmpty = nonEmpty
        self.required = required
        self.values = values
        self.pool = pool
        self.dependsOn = dependsOn
    }
}
