import ConvfuzzJSON

/// One parsed success page, read through the spec's pagination fields.
public struct Page: Sendable, Hashable {
    /// The items, in order.
    public var items: [JSONValue]
    /// The id of each item whose id field is a scalar (its wire text), in order; items without one are skipped.
    public var ids: [String]
    /// The has-more flag, when present and boolean.
    public var hasMore: Bool?
    /// The next cursor; nil when null, absent or not a string.
    public var nextCursor: String?
    /// The raw next-cursor value as sent (nil when the key is absent).
    public var nextCursorValue: JSONValue?
    /// The whole body.
    public var json: JSONValue

    /// Creates a page.
    public init(items: [JSONValue], ids: [String], hasMore: Bool?, nextCursor: String?,
                nextCursorValue: JSONValue?, json: JSONValue) {
        self.items = items
        self.ids = ids
        self.hasMore = hasMore
        self.nextCursor = nextCursor
        self.nextCursorValue = nextCursorValue
        self.json = json
    }
}
