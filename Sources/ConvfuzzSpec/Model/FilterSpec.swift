/// What a filter parameter means for the items returned.
public struct FilterSpec: Sendable, Equatable {
    /// The filtering parameter.
    public var param: String
    /// The item field compared, when visible.
    public var field: String?
    /// The relation between the value and the field.
    public var op: FilterOperator
    /// Whether an item whose field is null (or absent) matches.
    public var nullMatches: Bool
    /// Whether the effect shows in the item.
    public var visibility: FilterVisibility
    /// At most one item value can match (an equality on a single-valued hidden attribute),
    /// so different values give disjoint result sets.
    public var singleValued: Bool
    /// What an empty value of this text filter means, when the spec declares it (`empty_means:`).
    public var emptyMeans: EmptyMeaning?
    /// For `contains_ci` filters: which case folding "case-insensitively" means (`case_folding:`, default `simple`).
    public var caseFolding: CaseFolding
    /// For `.grammar` filters: the grammar of each item.
    public var grammar: String?
    /// For `.grammar` filters: how to request the per-id results.
    public var results: ResultsSpec?
    /// For `.grammar` filters: how an item is matched against a result.
    public var match: MatchSpec?
    /// The line in the spec file.
    public var line: Int

    /// Creates a filter.
    public init(param: String, field: String? = nil, op: FilterOperator, nullMatches: Bool = false,
                visibility: FilterVisibility = .visible, singleValued: Bool = false, emptyMeans: EmptyMeaning? = nil,
                caseFolding: CaseFolding = .simple, grammar: String? = nil,
                results: ResultsSpec? = nil, match: MatchSpec? = nil, line: Int = 0) {
        self.param = param
        self.field = field
        self.op = op
        self.nullMatches = nullMatches
        self.visibility = visibility
        self.singleValued = singleValued
        self.emptyMeans = emptyMeans
        self.caseFolding = caseFolding
        self.grammar = grammar
        self.results = results
        self.match = match
        self.line = line
    }
}

// MARK: - Grammar id

extension FilterSpec {
    /// For a grammar filter, the grammar field that names the id its per-id results are keyed by:
    /// `results.id_field` when the spec gives it, else the first field that is neither the
    /// compared field nor the operator field. Nil for other filters.
    public func grammarIDField(in grammar: GrammarSpec) -> String? {
        guard op == .grammar else { return nil }
        if let declared = results?.idField { return declared }
        return grammar.fields.first { $0.name != match?.field && $0.name != match?.opField }?.name
    }
}
