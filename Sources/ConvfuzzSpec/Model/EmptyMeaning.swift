/// What an empty value of a text filter means (`empty_means:` on a filter).
public enum EmptyMeaning: String, Sendable, CaseIterable, Codable {
    /// The empty value is no filter: the result set equals the query's without it.
    case noFilter = "no_filter"
    /// The empty value matches no item: the result set is empty.
    case nothing
}
