/// The outcome of shrinking a failing case.
public struct ShrinkResult: Sendable, Hashable {
    /// The smallest case found that failed (at least twice when `verified`).
    public var minimal: GeneratedCase
    /// Calls of the failure predicate made (requests spent), re-verification included.
    public var attempts: Int
    /// Whether `minimal` failed again when re-run at the end (so it failed twice).
    public var verified: Bool
    /// Candidates accepted on the way.
    public var steps: Int

    /// Creates a result.
    public init(minimal: GeneratedCase, attempts: Int, verified: Bool, steps: Int) {
        self.minimal = minimal
        self.attempts = attempts
        self.verified = verified
        self.steps = steps
    }
}
