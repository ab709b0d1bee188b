/// An item that does not satisfy one filter of the query.
public struct FilterViolation: Sendable, Hashable, Codable {
    /// The filter's parameter.
    public var parameter: String
    /// A normalised detail for signatures, e.g. `gte`, `gte:null`, `gt:boundary`, `gt:string`.
    public var detail: String
    /// One line.
    public var message: String
    /// What the filter requires of the item.
    public var expected: String
    /// What the item holds.
    public var observed: String

    /// Creates a violation.
    public init(parameter: String, detail: String, message: String, expected: String, observed: String) {
        self.parameter = parameter
        self.detail = detail
        self.message = message
        self.expected = expected
        self.observed = observed
    }

    /// A violation of `parameter` without text: for callers that need only the verdict.
    init(undetailed parameter: String) {
        self.init(parameter: parameter, detail: "", message: "", expected: "", observed: "")
    }
}
