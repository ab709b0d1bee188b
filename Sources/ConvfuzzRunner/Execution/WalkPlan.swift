import ConvfuzzSpec

/// A cursor walk to run: the query without a cursor, and the page size it states (nil: the default).
public struct WalkPlan: Sendable, Hashable {
    /// The query pairs, without the cursor parameter.
    public var pairs: [WirePair]
    /// The page size the query states, or nil for the target's default.
    public var pageSize: Int?
    /// Keep every page's parsed items (needed for item-level comparisons).
    public var keepItems: Bool

    /// Creates a plan.
    public init(pairs: [WirePair], pageSize: Int?, keepItems: Bool = false) {
        self.pairs = pairs
        self.pageSize = pageSize
        self.keepItems = keepItems
    }

    /// The encoded query without a cursor.
    public var query: String { QueryCodec.queryString(pairs) }
}
