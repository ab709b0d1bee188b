import ConvfuzzContract
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
        var summary = ShrinkSummary(pairsBefore: generated.pairs.count, pairsAfter: result.minimal.pairs.count,
                                    attempts: result.attempts, verified: result.verified)
        guard result.verified, let shrunkFinding = lastFinding else {
            return Outcome(finding: finding, plan: plan, summary: summary)
        }
        let shrunk = result.minimal
        summary.parameters = neededParameters(shrunk.pairs)
        return Outcome(finding: Finding(copying: shrunkFinding, signature: signature),
                       plan: shrunk.plan,
                       summary: summary)
    }
}

// MARK: - What a shrunk case needs

extension ShrinkingStep {
    /// The decoded names of a shrunk case's pairs, in order, without repeats and without the page size.
    func neededParameters(_ pairs: [WirePair]) -> [String] {
        var names: [String] = []
        for pair in pairs {
            let name = context.shaper.decodedName(pair)
            if name != context.spec.pagination.pageSizeParam && !names.contains(name) { names.append(name) }
        }
        return names
    }
}

// MARK: - Walks and relations

extension ShrinkingStep {
    /// Shrinks the plan of a confirmed walk or relation finding (``PlanShrinker``) to the fewest filters,
    /// the shortest walk prefix and the smallest page size that still show it, every candidate replayed
    /// through the ``Replayer`` against the confirmation's discovery. It spends at most `requests`
    /// requests, and stops earlier when the run's request budget would leave fewer than `reserve`
    /// requests or the deadline passes; the best plan found so far is kept. `hints` are the plans that
    /// shrank earlier findings of the same check (tried first). The finding keeps its signature.
    public func shrink(plan: ReplayPlan, finding: Finding, hints: [ReplayPlan], requests: Int, reserve: Int,
                       tally: inout WalkTally) -> Outcome {
        let executor = context.executor
        let replayer = Replayer(context: context, discovery: discovery)
        let signature = finding.signature
        let start = executor.requests
        var costliest = 0
        var walked = WalkTally()
        let context = self.context
        let shrinker = PlanShrinker(spec: context.spec)
        let result = shrinker.shrink(plan, hints: hints, canAttempt: {
            guard context.canConfirm, executor.requests - start + costliest <= requests else { return false }
            return executor.budget.remaining.map { $0 >= costliest + reserve } ?? true
        }, stillShows: { candidate in
            let before = executor.requests
            let findings = replayer.run(candidate, tally: &walked)
            costliest = max(costliest, executor.requests - before)
            return findings.first { $0.signature == signature } ?? findings.first { candidate.shows(signature, in: $0) }
        })
        tally.add(walked)
        let spent = executor.requests - start
        let before = shrinker.filterCount(plan)
        guard let shrunk = result.finding, result.plan != plan else {
            return Outcome(finding: finding, plan: plan,
                           summary: ShrinkSummary(pairsBefore: before, pairsAfter: before, attempts: spent, verified: false))
        }
        var summary = ShrinkSummary(pairsBefore: before, pairsAfter: shrinker.filterCount(result.plan), attempts: spent,
                                    verified: result.verified)
        if case .walk(_, let pageSize, _, let pages) = result.plan {
            summary.pageSize = pageSize
            summary.pages = pages
        }
        summary.parameters = shrinker.neededParameters(result.plan)
        return Outcome(finding: Finding(copying: shrunk, signature: signature), plan: result.plan, summary: summary)
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
