import ConvfuzzGeneration
import ConvfuzzOracle

/// Phase 8, step 2: a reproduced generated case is shrunk over the network while it keeps failing
/// with the same signature, and the shrunk case is re-verified.
public struct ShrinkingStep: Sendable {
    /// What shrinking gave for one finding.
    public struct Outcome: Sendable {
        /// The finding (the shrunk case's, keeping the original signature, when shrinking verified).
        public var finding: Finding
        /// How it is re-run (the shrunk case's request when shrinking verified).
        public var replay: ReplayPlan
        /// Pairs before and after, attempts, verification.
        public var summary: ShrinkSummary
    }

    /// The run's services.
    public let context: PhaseContext
    /// Pools for regeneration from choices.
    public let discovery: Discovery

    /// Creates the step.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Shrinks one generated case that failed with `finding`.
    public func shrink(_ generated: GeneratedCase, finding: Finding, replay: ReplayPlan) -> Outcome {
        let signature = finding.signature
        let generator = CaseGenerator(spec: context.spec, pools: discovery.pools)
        var lastFinding: Finding?
        let result = Shrinker(generator: generator).shrink(generated, budget: context.configuration.shrinkBudget) { candidate in
            let findings = context.responseOracle.check(classification: candidate.classification,
                                                        response: context.executor.execute(candidate.queryString))
            guard let match = findings.first(where: { $0.signature == signature }) else { return false }
            lastFinding = match
            return true
        }
        let summary = ShrinkSummary(pairsBefore: generated.pairs.count, pairsAfter: result.minimal.pairs.count,
                                    attempts: result.attempts, verified: result.verified)
        guard result.verified, let shrunkFinding = lastFinding else {
            return Outcome(finding: finding, replay: replay, summary: summary)
        }
        let shrunk = result.minimal
        return Outcome(finding: Finding(copying: shrunkFinding, signature: signature),
                       replay: .generatedCase(query: shrunk.queryString, index: shrunk.index, choices: shrunk.choices,
                                              label: shrunk.label),
                       summary: summary)
    }
}
