import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

/// A cursor walk: the first page of a query, then every next cursor followed
/// with the same other parameters.
public struct Walk: Sendable {
    /// The encoded query string without the cursor.
    public var baseQuery: String
    /// The classification of the query (its expectation and meaning).
    public var classification: Classification
    /// The effective page size.
    public var pageSize: Int
    /// The direction of the order.
    public var direction: SortDirection
    /// The pages in request order.
    public var pages: [WalkPage]
    /// How the walk stopped.
    public var end: WalkEnd

    /// Creates a walk.
    public init(baseQuery: String, classification: Classification, pageSize: Int, direction: SortDirection,
                pages: [WalkPage], end: WalkEnd) {
        self.baseQuery = baseQuery
        self.classification = classification
        self.pageSize = pageSize
        self.direction = direction
        self.pages = pages
        self.end = end
    }

    /// Creates a walk reading page size and direction from the query through the spec.
    public init(spec: Spec, baseQuery: String, classification: Classification, pages: [WalkPage], end: WalkEnd) {
        let reading = QueryReading(spec: spec)
        self.init(baseQuery: baseQuery, classification: classification, pageSize: reading.pageSize(classification.query),
                  direction: reading.direction(classification.query), pages: pages, end: end)
    }

    /// The query's meaning.
    public var query: EffectiveQuery { classification.query }

    /// True when the walk ended on a page without more items.
    public var isComplete: Bool { end == .completed }

    /// Every item of every parsed page, in order.
    public var items: [JSONValue] { pages.flatMap { $0.page?.items ?? [] } }

    /// Every id of every parsed page, in order.
    public var ids: [String] { pages.flatMap { $0.page?.ids ?? [] } }
}
