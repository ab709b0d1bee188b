/// How the endpoint pages: which fields and parameters carry the cursor, and the order.
public struct PaginationSpec: Sendable, Equatable {
    /// What a cursor stands for.
    public enum CursorBinding: String, Sendable, CaseIterable, Codable {
        /// A position in the order; it may be reused under other filters.
        case position
        /// The whole query; reusing it under other filters is an error.
        case query
    }

    /// Where new items may appear while a walk runs.
    public enum Growth: String, Sendable, CaseIterable, Codable {
        /// Only at the head (items with a later time than any existing one).
        case head
        /// Anywhere; set comparisons across time are not sound.
        case anywhere
        /// Never.
        case none
    }

    /// The response field holding the items.
    public var itemsField: String
    /// The item field that identifies an item.
    public var idField: String
    /// The cursor parameter.
    public var cursorParam: String
    /// The response field with the next cursor.
    public var nextCursorField: String
    /// The response field with the has-more flag.
    public var hasMoreField: String
    /// The page-size parameter.
    public var pageSizeParam: String
    /// Items per page when the parameter is omitted.
    public var defaultPageSize: Int
    /// The largest page size.
    public var maxPageSize: Int
    /// The order.
    public var order: OrderSpec
    /// What a cursor binds.
    public var cursorBinding: CursorBinding
    /// The status for a cursor the server did not issue.
    public var invalidCursorStatus: Int
    /// Where new items appear.
    public var growth: Growth
    /// The item field with the item's creation time (seconds), for the stable window.
    public var timeField: String?
    /// A parameter bounding `timeField` from above (inclusive), used to pin queries to the run's start.
    public var windowParam: String?

    /// Creates a pagination spec.
    public init(itemsField: String, idField: String, cursorParam: String, nextCursorField: String,
                hasMoreField: String, pageSizeParam: String, defaultPageSize: Int, maxPageSize: Int,
                order: OrderSpec, cursorBinding: CursorBinding = .position, invalidCursorStatus: Int = 422,
                growth: Growth = .head, timeField: String? = nil, windowParam: String? = nil) {
        self.itemsField = itemsField
        self.idField = idField
        self.cursorParam = cursorParam
        self.nextCursorField = nextCursorField
        self.hasMoreField = hasMoreField
        self.pageSizeParam = pageSizeParam
        self.defaultPageSize = defaultPageSize
        self.maxPageSize = maxPageSize
        self.order = order
        self.cursorBinding = cursorBinding
        self.invalidCursorStatus = invalidCursorStatus
        self.growth = growth
        self.timeField = timeField
        self.windowParam = windowParam
    }
}
