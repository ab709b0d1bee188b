/// The outcome the spec requires for the exact bytes of a case.
public enum Expectation: Sendable, Codable, Hashable {
    /// A success response whose items satisfy the effective query.
    case success
    /// A success response with no items: two valid bounds conflict (the relation is named `lower>upper`).
    case empty(relation: String)
    /// A validation error naming at least one of these parameters in `loc`.
    case invalid(parameters: [String])

    /// True when the spec requires a success status.
    public var isSuccess: Bool {
        if case .invalid = self { return false }
        return true
    }

    /// A short word for reports: `valid`, `empty`, `invalid`.
    public var word: String {
        switch self {
        case .success: return "valid"
        case .empty: return "empty"
        case .invalid: return "invalid"
        }
    }
}
