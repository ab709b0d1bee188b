/// The wire-level verdict on a case: what the target must answer and what the query means.
public struct Classification: Sendable, Codable, Hashable {
    /// The required outcome.
    public var expectation: Expectation
    /// The decoded query (meaningful when the expectation is a success).
    public var query: EffectiveQuery
    /// One line per problem found, `parameter: reason`, for reports.
    public var problems: [String]

    /// Creates a classification.
    public init(expectation: Expectation, query: EffectiveQuery, problems: [String] = []) {
        self.expectation = expectation
        self.query = query
        self.problems = problems
    }
}
