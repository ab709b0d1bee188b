/// The declared order of items across pages.
public struct OrderSpec: Sendable, Equatable {
    /// The integer item field that orders items.
    public var key: String
    /// The string field that breaks ties, compared by Unicode code points, in the same direction.
    public var tieBreak: String?
    /// The parameter that selects the direction.
    public var directionParam: String?
    /// The direction when the parameter is omitted.
    public var defaultDirection: SortDirection
    /// The wire value of each direction.
    public var values: [SortDirection: String]

    /// Creates an order.
    public init(key: String, tieBreak: String?, directionParam: String?, defaultDirection: SortDirection,
                values: [SortDirection: String] = [.asc: "asc", .desc: "desc"]) {
        self.key = key
        self.tieBreak = tieBreak
        self.directionParam = directionParam
        self.defaultDirection = defaultDirection
        self.values = values
    }

    /// The direction a wire value selects, if it is one.
    public func direction(forWireValue value: String) -> SortDirection? {
        values.first { $0.value == value }?.key
    }
}
