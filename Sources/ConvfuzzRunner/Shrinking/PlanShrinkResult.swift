import ConvfuzzOracle

/// The outcome of shrinking a walk or relation plan (``PlanShrinker``).
public struct PlanShrinkResult: Sendable {
    /// The smallest plan found that still shows the finding (the input plan when nothing smaller did).
    public var plan: ReplayPlan
    /// What that plan showed on its last run (nil when it is the input plan and nothing was re-run).
    public var finding: Finding?
    /// Candidate plans run (each one replay through the ``Replayer``), the final re-run included.
    public var attempts: Int
    /// Smaller plans accepted on the way.
    public var steps: Int
    /// Whether the shrunk plan showed the finding again on a final re-run (false when the budget or the
    /// deadline left no room for it: the plan is then the best found so far, seen failing once).
    public var verified: Bool

    /// Creates a result.
    public init(plan: ReplayPlan, finding: Finding?, attempts: Int, steps: Int, verified: Bool) {
        self.plan = plan
        self.finding = finding
        self.attempts = attempts
        self.steps = steps
        self.verified = verified
    }
}
