/// The outcome of evaluating one filter on one item.
public enum FilterVerdict: Sendable, Hashable {
    /// The item satisfies the filter.
    case match
    /// The item certainly does not satisfy the filter.
    case noMatch(FilterViolation)
    /// The item does not show enough to decide (hidden effect, ambiguous value).
    case unknown
}
