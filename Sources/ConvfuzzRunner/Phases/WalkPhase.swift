import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Phase 7: cursor walks of a sample of valid queries. Each walk is checked, compared with a walk at
/// another page size, with the discovery walk (completeness), with the reverse order (samples 0–1)
/// and with a reused cursor (samples 0–2); one query is also walked at page sizes 1, 2, the default
/// and the maximum (``PageSizeWalkPlanner``).
public struct WalkPhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name.
    public var name: PhaseName { .walks }
    /// Walks do not start once the run must stop.
    public var skippedWhenStopping: Bool { true }
    /// Each page as a response, the walks, and their comparisons.
    public var reportableChecks: Set<CheckID>? { CheckID.walkChecks }

    /// Up to `count` of `validCases` spread evenly over the run (deterministic).
    public static func sample(_ count: Int, of validCases: [GeneratedCase]) -> [GeneratedCase] {
        guard count > 0, !validCases.isEmpty else { return [] }
        if validCases.count <= count { return validCases }
        let step = Double(validCases.count) / Double(count)
        return (0..<count).map { validCases[Int(Double($0) * step)] }
    }

    /// Walks this shard's samples of the input's valid cases, judged against the input's discovery.
    public func run(_ input: PhaseInput) -> PhaseOutput {
        let configuration = context.configuration
        let discovery = input.discovery
        let known = input.known
        let replayer = Replayer(context: context, discovery: discovery)
        var result = PhaseOutput(findings: context.findingLog(known: known), payload: .walks(coveredPageSizes: []))
        let sample = Self.sample(affordableSamples(discovery), of: input.validCases)
        result.work.plan(.walks, total: sample.count)
        // Sample `j`, with its companion, reverse-order (j < 2) and cursor-reuse (j < 3) checks, is one unit.
        let owned = configuration.shard.owned(of: sample.count)
        guard !owned.isEmpty else { return result }
        func stop() -> Bool { context.stopReason(uniqueFindings: result.findings.runUniqueCount) != nil }
        context.progress.report(.walks, done: 0, total: 2 * owned.count, findings: known.count)
        let samplePlans = sample.map(plan)
        let mains = owned.map { samplePlans[$0] }
        let companions = mains.map(companion)
        // Each sampled query is walked twice (at two page sizes): the unit shown is walks.
        let walks = context.slimWalker.run(zip(mains, companions).flatMap { [$0, $1] }) { done in
            context.progress.report(.walks, done: done, total: 2 * mains.count, findings: known.count)
        }
        // Judging sends nothing: a spent budget share does not stop it, a signal or --max-failures does.
        for offset in mains.indices where !context.stopsJudging(uniqueFindings: result.findings.runUniqueCount) {
            let pair = [walks[2 * offset], walks[2 * offset + 1]]
            result.work.did(.walks, owned[offset])
            result.tally.count(pair[0], pair[1])
            record(.walk(query: mains[offset].query, pageSize: pair[0].pageSize, companion: companions[offset].query),
                   .walks(pair), replayer, in: &result)
        }
        if stop() { return result }
        let mainWalks = mains.indices.map { (unit: owned[$0], walk: walks[2 * $0]) }
        // Under a request budget the reversed and cursor-reuse checks (a few pages each) go before the walks
        // at fixed page sizes (a walk at page size 1 costs a request per item).
        let budgeted = context.executor.budget.limit != nil
        if budgeted {
            comparisons(mainWalks, discovery: discovery, replayer, into: &result)
            if stop() { return result }
        }
        // The walks at fixed page sizes are one unit, done by the shard owning sample 0. They are planned from
        // every sample's walk, in sample order, as an unsharded run does: a shard walks the samples it does
        // not own once more for that (only to plan; their checks belong to their own shards).
        if configuration.shard.owns(0) {
            let others = sample.indices.filter { !owned.contains($0) }
            let extra = others.isEmpty ? [] : context.slimWalker.run(others.map { samplePlans[$0] })
            var byUnit: [Int: Walk] = [:]
            for (unit, walk) in mainWalks { byUnit[unit] = walk }
            for (unit, walk) in zip(others, extra) { byUnit[unit] = walk }
            pageSizeWalks(sample.indices.compactMap { byUnit[$0] }, discovery: discovery, replayer, into: &result)
        }
        if stop() || budgeted { return result }
        comparisons(mainWalks, discovery: discovery, replayer, into: &result)
        return result
    }

    /// The reversed walks and the cursor reuse. The discovery walk (the unfiltered set, the most items any
    /// walk holds) is reversed too, by the shard owning sample 0: a sample narrow enough to hold one item
    /// cannot show a reversal.
    private func comparisons(_ mainWalks: [(unit: Int, walk: Walk)], discovery: Discovery, _ replayer: Replayer,
                             into result: inout PhaseOutput) {
        let base = context.configuration.shard.owns(0) ? [discovery.base].compactMap { $0 }.filter(\.isComplete) : []
        checkReverse(base + mainWalks.filter { $0.unit < 2 }.map(\.walk), replayer, into: &result)
        if context.stopReason(uniqueFindings: result.findings.runUniqueCount) != nil { return }
        checkCursorReuse(mainWalks.filter { $0.unit < 3 }.map(\.walk), discovery: discovery, replayer, into: &result)
    }

    // MARK: Steps

    /// The walk of a generated case: its pairs without a cursor, with the results helpers its query needs.
    func plan(_ generated: GeneratedCase) -> WalkPlan {
        let shaper = context.shaper
        return WalkPlan(pairs: shaper.withResultsHelpers(shaper.withoutCursor(generated.pairs), query: generated.classification.query))
    }

    /// The same query at another page size.
    func companion(_ plan: WalkPlan) -> WalkPlan {
        let shaper = context.shaper
        let query = context.classifier.classify(plan.pairs).query
        let size = shaper.companionPageSize(for: shaper.pageSize(of: query))
        return WalkPlan(pairs: shaper.setting(context.spec.pagination.pageSizeParam, to: String(size), in: plan.pairs))
    }

    /// Walks one query at page sizes 1, 2, the default and the maximum: each walk is checked, compared
    /// with the walk at the largest size (its companion) and with the discovery walk.
    private func pageSizeWalks(_ mains: [Walk], discovery: Discovery, _ replayer: Replayer, into result: inout PhaseOutput) {
        let fallback = discovery.base.map { QueryCodec.pairs(fromQuery: $0.baseQuery) }
        guard let plan = PageSizeWalkPlanner(spec: context.spec).plan(walks: mains, fallback: fallback,
                                                                       maxWalkPages: context.configuration.maxWalkPages) else { return }
        if context.configuration.verbose {
            for sized in plan.walks { context.progress.note("walk at page size \(sized.name): \(sized.plan.query)") }
        }
        let walks = context.slimWalker.run(plan.walks.map(\.plan), maxPages: plan.maxPages)
        guard let reference = walks.last else { return }
        var covered: [Int] = []
        for (sized, walk) in zip(plan.walks, walks) {
            if walk.isComplete { covered.append(walk.pageSize) }
            result.tally.count(walk)
            let isReference = sized.plan == plan.reference
            record(.walk(query: sized.plan.query, pageSize: walk.pageSize, companion: isReference ? nil : plan.reference.query),
                   .walks(isReference ? [walk] : [walk, reference]), replayer, in: &result)
        }
        result.payload = .walks(coveredPageSizes: covered)
    }

    /// `CF-SORT-REVERSE`: walks in the other direction must visit the same ids reversed.
    private func checkReverse(_ mains: [Walk], _ replayer: Replayer, into result: inout PhaseOutput) {
        let order = context.spec.pagination.order
        guard let directionParam = order.directionParam else { return }
        let flipped = mains.map { walk -> WalkPlan in
            let value = order.values[walk.direction.reversed] ?? walk.direction.reversed.rawValue
            return WalkPlan(pairs: context.shaper.setting(directionParam, to: value, in: QueryCodec.pairs(fromQuery: walk.baseQuery)))
        }
        let reversed = context.slimWalker.run(flipped)
        for (walk, other) in zip(mains, reversed) {
            result.tally.count(other)
            record(.relation(kind: .reverseOrder, queries: [walk.baseQuery, other.baseQuery],
                             description: "ascending walk = reversed descending walk"),
                   .walks([walk, other]), replayer, in: &result)
        }
    }

    /// `CF-CURSOR-REUSE`: the discovery walk's first cursor, sent with another query's filters,
    /// continues from its position under those filters.
    private func checkCursorReuse(_ mains: [Walk], discovery: Discovery, _ replayer: Replayer, into result: inout PhaseOutput) {
        guard let base = discovery.base, let firstPage = base.pages.first?.page, let cursor = firstPage.nextCursor else { return }
        let cursorPair = WirePair.encoding(context.spec.pagination.cursorParam, cursor)
        for walk in mains where walk.direction == base.direction && walk.isComplete {
            let query = QueryCodec.queryString(QueryCodec.pairs(fromQuery: walk.baseQuery) + [cursorPair])
            let reused = context.executor.execute(query)
            record(.relation(kind: .cursorReuse, queries: [base.baseQuery, walk.baseQuery, query],
                             description: "a cursor reused under other filters continues from its position"),
                   .cursorReuse(basePage: firstPage, other: walk, reused: reused), replayer, in: &result)
        }
    }

    /// Judges what `plan` observed and records its findings.
    func record(_ plan: ReplayPlan, _ observation: Replayer.Observation, _ replayer: Replayer,
                        in result: inout PhaseOutput) {
        context.progress.announce(result.findings.record(replayer.judge(plan, observation), plan: plan))
    }
}
