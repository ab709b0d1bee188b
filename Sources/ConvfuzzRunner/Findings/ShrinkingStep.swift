import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// Shrinking: a confirmed generated case is made smaller over the network (``Shrinker``, within
/// `--shrink-budget` attempts) while it keeps failing with the same signature. Only a verified
/// shrink replaces the finding and its reproduction.
public struct ShrinkingStep: Sendable {
    /// A shrink's outcome: the finding and reproduction to report, and what shrinking did.
    public struct Outcome: Sendable {
        /// The finding (the shrunk case's when the shrink was verified).
        public var finding: Finding
        /// The plan that reproduces it (the shrunk case's when the shrink was verified).
        public var plan: ReplayPlan
        /// Pairs before and after, attempts, verification.
        public var summary: ShrinkSummary
    }

    /// The run's services.
    public let context: PhaseContext
    /// Pools the cases are regenerated with.
    public let discovery: Discovery

    /// Creates the step.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Shrinks `generated`, which failed with `finding`.
    public func shrink(_ generated: GeneratedCase, finding: Finding, plan: ReplayPlan) -> Outcome {
        let signature = finding.signature
        let generator = CaseGenerator(spec: context.spec, pools: discovery.pools)
        var lastFinding: Finding?
        let result = Shrinker(generator: generator).shrink(generated, budget: context.configuration.shrinkBudget) { candidate in
            let findings = context.check(candidate)
            guard let match = findings.first(where: { $0.signature == signature }) else { return false }
            lastFinding = match
            return true
        }
        let summary = ShrinkSummary(pairsBefore: generated.pairs.count, pairsAfter: result.minimal.pairs.count,
                                    attempts: result.attempts, verified: result.verified)
        guard result.verified, let shrunkFinding = lastFinding else {
            return Outcome(finding: finding, plan: plan, summary: summary)
        }
        let shrunk = result.minimal
        return Outcome(finding: Finding(copying: shrunkFinding, signature: signature),
                       plan: shrunk.plan,
                       summary: summary)
    }
}

// MARK: - Finding

extension Finding {
    /// The finding with another finding's evidence and text, keeping a given signature.
    fileprivate init(copying other: Finding, signature: String) {
        self = other
        self.signature = signature
    }
}
