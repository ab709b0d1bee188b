/// The direction of the declared order.
public enum SortDirection: String, Sendable, CaseIterable, Codable {
    /// Smallest key first.
    case asc
    /// Largest key first.
    case desc

    /// The other direction.
    public var reversed: SortDirection { self == .asc ? .desc : .asc }
}
