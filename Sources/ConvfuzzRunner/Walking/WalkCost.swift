import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

/// Estimates, from the discovery walk, how many requests a walk of a query takes: the base walk's items
/// the query's filters keep, over the query's page size. Used under a request budget to do the cheapest
/// walks first and to grant each walk its pages (``WalkGrants``).
///
/// An item whose match cannot be decided from the item (a hidden filter, a result the base did not ask
/// for) counts as half an item per hidden filter the query gives: the spec says nothing of how much a
/// hidden filter keeps, and counting every such item would put every walk over a hidden filter last,
/// although relations are the only check those filters have.
struct WalkCost: Sendable {
    private let items: [JSONValue]
    private let baseQuery: EffectiveQuery?
    private let classifier: WireClassifier
    private let evaluator: FilterEvaluator
    private let shaper: QueryShaper
    private let defaultPageSize: Int

    /// An estimator over the discovery's base walk (without one, every walk is estimated at one page).
    init(context: PhaseContext, discovery: Discovery) {
        items = discovery.base?.items ?? []
        baseQuery = discovery.base?.query
        classifier = context.classifier
        evaluator = context.evaluator
        shaper = context.shaper
        defaultPageSize = max(1, context.spec.pagination.defaultPageSize)
    }

    /// The estimated number of pages a walk of `pairs` takes (at least one).
    func pages(_ pairs: [WirePair]) -> Int {
        let query = classifier.classify(pairs).query
        let pageSize = max(1, shaper.pageSize(of: query) ?? defaultPageSize)
        return max(1, (matching(query) + pageSize - 1) / pageSize)
    }

    /// The estimated number of pages a walk of an encoded query takes.
    func pages(query: String) -> Int {
        pages(QueryCodec.pairs(fromQuery: query))
    }

    /// The base walk's items a query keeps (undecided items halved per hidden filter given).
    private func matching(_ query: EffectiveQuery) -> Int {
        guard let baseQuery, !items.isEmpty else { return 0 }
        let given = evaluator.givenFilters(in: query)
        let hidden = given.filter { $0.visibility == .hidden }.count
        var sure = 0
        var undecided = 0
        for item in items {
            switch evaluator.matches(item: item, query: query, itemQuery: baseQuery, filters: given) {
            case true?: sure += 1
            case nil: undecided += 1
            case false?: break
            }
        }
        return sure + (undecided >> min(hidden, 16))
    }
}
