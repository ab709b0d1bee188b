extension CheckID {
    /// The checks of one category, in catalogue order.
    public static func all(in category: CheckCategory) -> [CheckID] {
        allCases.filter { $0.category == category }
    }

    /// Every check one response can fail (what the response oracle judges): the status, the error
    /// body, the body's media type and JSON, the schema, the page, the filters, a foreign cursor and
    /// the transport. What a generated case can report.
    public static let responseChecks: Set<CheckID> = Set(
        [CheckCategory.status, .error, .body, .schema, .page, .filter, .cursor, .transport].flatMap(all(in:)))

    /// Every check a cursor walk can fail: each page as a response, then the walk itself and its
    /// comparisons (page sizes, completeness, reverse order, a reused cursor).
    public static let walkChecks: Set<CheckID> = responseChecks.union(all(in: .walk))
}
