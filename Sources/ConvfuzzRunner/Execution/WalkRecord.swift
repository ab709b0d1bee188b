import ConvfuzzJSON
import ConvfuzzOracle

/// What one cursor walk saw.
public struct WalkRecord: Sendable {
    /// One fetched page.
    public struct PageRecord: Sendable {
        /// The cursor sent for this page (nil for the first).
        public var cursorSent: String?
        /// The response as observed.
        public var response: ObservedResponse
        /// The parsed page, when the body parsed.
        public var page: Page?
    }

    /// The plan.
    public var plan: WalkPlan
    /// Pages in order (bodies dropped after checking unless the plan keeps items).
    public var pages: [PageRecord]
    /// Ids in walk order.
    public var ids: [String]
    /// The time field of each id's item (parallel to `ids`), for the growth window.
    public var times: [Int64?]
    /// Items in walk order, when the plan keeps items.
    public var items: [JSONValue]
    /// Why it stopped.
    public var end: WalkTermination

    /// The set of ids.
    public var idSet: Set<String> { Set(ids) }
}
