/// Constraints on a grammar's dependent field, chosen by the value of its selector field.
public struct GrammarValueRule: Sendable, Equatable {
    /// The selector values (e.g. ops) this rule covers.
    public var selectors: [String]
    /// The shape of the value.
    public var kind: GrammarValueKind
    /// A regular expression the whole value must match (for `.decimal`).
    public var pattern: String?
    /// The separator of a `.list` value.
    public var listSeparator: String?
    /// Whether every list item must be non-empty.
    public var itemsNonEmpty: Bool
    /// The smallest number of list items.
    public var minItems: Int
    /// What an empty value means per selector, as a filter operator (`missing`, `exists`).
    public var emptyMeans: [String: FilterOperator]

    /// Creates a rule.
    public init(selectors: [String], kind: GrammarValueKind, pattern: String? = nil,
                listSeparator: String? = nil, itemsNonEmpty: Bool = false, minItems: Int = 0,
                emptyMeans: [String: FilterOperator] = [:]) {
        self.selectors = selectors
        self.kind = kind
        self.pattern = pattern
        self.listSeparator = listSeparator
        self.itemsNonEmpty = itemsNonEmpty
        self.minItems = minItems
        self.emptyMeans = emptyMeans
    }
}
