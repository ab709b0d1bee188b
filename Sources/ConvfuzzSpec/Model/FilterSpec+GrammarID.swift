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
