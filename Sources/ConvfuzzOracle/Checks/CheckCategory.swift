/// The concern a check belongs to, for grouping in reports.
public enum CheckCategory: String, Sendable, Codable, CaseIterable, Hashable {
    /// The status code of one response.
    case status
    /// The body of a validation error.
    case error
    /// Whether the body is JSON at all.
    case body
    /// Conformance of a success body to the response schema.
    case schema
    /// Properties of one page: size, order, has-more, projections, result maps.
    case page
    /// Item-level filter semantics.
    case filter
    /// Cursor walks across pages.
    case walk
    /// Cursors sent outside a plain walk.
    case cursor
    /// Metamorphic relations between result sets.
    case relation
    /// Authentication: refusals of wrong keys, acceptance of the valid one.
    case auth
    /// Isolation between the workspaces of two keys.
    case tenancy
    /// Connection-level failures.
    case transport
}
