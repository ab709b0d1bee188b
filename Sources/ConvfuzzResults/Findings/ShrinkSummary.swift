/// What shrinking achieved for one finding.
public struct ShrinkSummary: Sendable, Codable, Hashable {
    /// Query pairs before shrinking.
    public var pairsBefore: Int
    /// Query pairs after shrinking.
    public var pairsAfter: Int
    /// Requests spent.
    public var attempts: Int
    /// Whether the shrunk case failed again on its final re-run.
    public var verified: Bool

    /// Creates a summary.
    public init(pairsBefore: Int, pairsAfter: Int, attempts: Int, verified: Bool) {
        self.pairsBefore = pairsBefore
        self.pairsAfter = pairsAfter
        self.attempts = attempts
        self.verified = verified
    }
}
