/// How a grammar filter item is matched against a result: which grammar field
/// holds the id, the compared value, and the operator (fixed or from a field).
public struct MatchSpec: Sendable, Equatable {
    /// The grammar field compared against the result value.
    public var field: String
    /// A fixed operator, when the grammar has no operator field.
    public var op: FilterOperator?
    /// The grammar field holding the operator token.
    public var opField: String?
    /// Operator tokens of the grammar and their meaning; a token absent here is read as a `FilterOperator` name.
    public var opMap: [String: FilterOperator]

    /// Creates a match spec.
    public init(field: String, op: FilterOperator? = nil, opField: String? = nil, opMap: [String: FilterOperator] = [:]) {
        self.field = field
        self.op = op
        self.opField = opField
        self.opMap = opMap
    }

    /// The operator a grammar token stands for.
    public func `operator`(forToken token: String) -> FilterOperator? {
        opMap[token] ?? FilterOperator(rawValue: token)
    }
}
