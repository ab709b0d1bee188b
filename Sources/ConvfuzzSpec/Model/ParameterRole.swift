/// A parameter the pagination machinery must recognise, by role rather than by name.
public enum ParameterRole: String, Sendable, CaseIterable, Codable {
    /// The opaque cursor parameter.
    case cursor
    /// The page size parameter.
    case pageSize = "page_size"
    /// The sort direction parameter.
    case sortDirection = "sort_direction"
}
