import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

/// Item-level filter semantics, entirely from the spec's `filters`.
///
/// Each filter given in a query is evaluated on an item when its effect is
/// visible: a `visible` filter through its field, a `via_results` grammar
/// filter through the per-id results its helper parameter requested. Every
/// comparison is sound: when a reading of the contract is ambiguous the
/// verdict is `.unknown`, never a violation.
public struct FilterEvaluator: Sendable {
    /// The spec.
    public let spec: Spec

    /// Creates an evaluator.
    public init(spec: Spec) {
        self.spec = spec
    }

    /// The filters whose parameter the query sends.
    public func givenFilters(in query: EffectiveQuery) -> [FilterSpec] {
        spec.filters.filter { query.has($0.param) || !(query.grammarItems[$0.param] ?? []).isEmpty }
    }

    /// The given filters whose effect shows in items: visible ones with a field, and
    /// grammar filters whose results helper parameter is sent.
    public func visibleFilters(in query: EffectiveQuery) -> [FilterSpec] {
        givenFilters(in: query).filter { filter in
            switch filter.visibility {
            case .visible: return filter.field != nil && filter.op != .grammar
            case .viaResults: return filter.results.map { query.has($0.param) } ?? false
            case .hidden: return false
            }
        }
    }

    /// Every certain violation of a visible filter by the item.
    /// `filters` may pass `givenFilters(in: query)` computed once for a whole page.
    public func violations(item: JSONValue, query: EffectiveQuery, filters: [FilterSpec]? = nil) -> [FilterViolation] {
        verdicts(item: item, query: query, itemQuery: query, filters: filters).compactMap {
            if case .noMatch(let violation) = $0.verdict { return violation }
            return nil
        }
    }

    /// Whether the item satisfies the query's filters: false when some filter certainly
    /// fails, nil when some filter is hidden or cannot be decided, true otherwise.
    ///
    /// `itemQuery` is the query the item came back for (default: `query`); grammar
    /// results are read only for ids it requested.
    /// `filters` may pass `givenFilters(in: query)` computed once for a whole walk.
    public func matches(item: JSONValue, query: EffectiveQuery, itemQuery: EffectiveQuery? = nil,
                        filters: [FilterSpec]? = nil) -> Bool? {
        let shown = itemQuery ?? query
        let given = filters ?? givenFilters(in: query)
        let results = verdicts(item: item, query: query, itemQuery: shown, filters: given, detailed: false)
        var decided = true
        for result in results {
            switch result.verdict {
            case .noMatch: return false
            case .unknown: decided = false
            case .match: break
            }
        }
        if given.contains(where: { filter in !results.contains { $0.param == filter.param } }) { decided = false }
        return decided ? true : nil
    }

    /// One verdict per evaluated (filter, value): hidden filters are left out.
    func verdicts(item: JSONValue, query: EffectiveQuery, itemQuery: EffectiveQuery,
                  filters: [FilterSpec]? = nil, detailed: Bool = true) -> [(param: String, verdict: FilterVerdict)] {
        var out: [(param: String, verdict: FilterVerdict)] = []
        for filter in filters ?? givenFilters(in: query) {
            switch filter.visibility {
            case .hidden:
                continue
            case .visible:
                guard let field = filter.field, filter.op != .grammar else { continue }
                out.append((filter.param, evaluateField(filter, field: field, item: item, values: values(of: filter, in: query),
                                                        detailed: detailed)))
            case .viaResults:
                for grammarItem in grammarItems(of: filter, in: query) {
                    out.append((filter.param, evaluateGrammar(filter, grammarItem, item: item, itemQuery: itemQuery,
                                                          detailed: detailed)))
                }
            }
        }
        return out
    }

    /// The values a query gives a filter: the list items, or the scalar.
    func values(of filter: FilterSpec, in query: EffectiveQuery) -> [String] {
        if let list = query.list(filter.param) { return list }
        return query.scalar(filter.param).map { [$0] } ?? []
    }

    /// The split grammar items of a grammar filter.
    func grammarItems(of filter: FilterSpec, in query: EffectiveQuery) -> [GrammarItem] {
        if let items = query.grammarItems[filter.param], !items.isEmpty { return items }
        guard let name = filter.grammar, let grammar = spec.grammars[name] else { return [] }
        return values(of: filter, in: query).map { GrammarSplitter.item($0, grammar: grammar) }
    }

    /// The id of an item, for messages.
    func itemID(_ item: JSONValue) -> String {
        item[spec.pagination.idField]?.wireText ?? "?"
    }
}
