import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

/// Phase 7: cursor walks of a sample of valid queries. Each walk is checked, compared with a walk at
/// another page size, with the discovery walk (completeness), with the reverse order (samples 0–1)
/// and with a reused cursor (samples 0–2); one query is also walked at page sizes 1, 2, the default
/// and the maximum (``PageSizeWalkPlanner``).
public struct WalkPhase: Sendable {
    /// What the walks found.
    public struct Result: Sendable {
        /// Findings, in walk order.
        public var findings: FindingLog
        /// Units (samples) planned and done.
        public var work: WorkLog
        /// Walks judged.
        public var tally: WalkTally
        /// Page sizes of the complete fixed-size walks (coverage cells).
        public var coveredPageSizes: [Int]
    }

    /// The run's services.
    public let context: PhaseContext
    /// The base walk and the window.
    public let discovery: Discovery
    /// Valid cases of the whole run, in case order (the sample is drawn from them).
    public let validCases: [GeneratedCase]

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery, validCases: [GeneratedCase]) {
        self.context = context
        self.discovery = discovery
        self.validCases = validCases
    }

    private var judge: WalkJudge { WalkJudge(context: context, discovery: discovery) }

    /// Up to `count` valid cases spread evenly over the run (deterministic).
    public func sample(_ count: Int) -> [GeneratedCase] {
        guard count > 0, !validCases.isEmpty else { return [] }
        if validCases.count <= count { return validCases }
        let step = Double(validCases.count) / Double(count)
        return (0..<count).map { validCases[Int(Double($0) * step)] }
    }

    /// Walks this shard's samples; `known` are the run's signatures so far.
    public func run(known: Set<String> = []) -> Result {
        let configuration = context.configuration
        var result = Result(findings: FindingLog(known: known), work: WorkLog(), tally: WalkTally(), coveredPageSizes: [])
        let sample = sample(configuration.walkSample)
        result.work.plan(.walks, total: sample.count)
        // Sample `j`, with its companion, reverse-order (j < 2) and cursor-reuse (j < 3) checks, is one unit.
        let owned = configuration.shard.owned(of: sample.count)
        guard !owned.isEmpty else { return result }
        func stop() -> Bool { context.stopReason(uniqueFindings: result.findings.runUniqueCount) != nil }
        context.progress.report("walks", done: 0, total: 2 * owned.count, findings: known.count)
        let shaper = context.shaper
        let samplePlans = sample.map { generated in
            WalkPlan(pairs: shaper.withResultsHelpers(shaper.withoutCursor(generated.pairs), query: generated.classification.query))
        }
        let mains = owned.map { samplePlans[$0] }
        let companions = mains.map(companion)
        // Each sampled query is walked twice (at two page sizes): the unit shown is walks.
        let walks = context.slimWalker.run(zip(mains, companions).flatMap { [$0, $1] }) { done in
            context.progress.report("walks", done: done, total: 2 * mains.count, findings: known.count)
        }
        for offset in mains.indices where !stop() {
            let main = walks[2 * offset]
            result.work.did(.walks, owned[offset])
            let findings = judge.walkFindings(main: main, companion: walks[2 * offset + 1], tally: &result.tally)
            record(findings, walk: main, replay: .walk(query: mains[offset].query, pageSize: main.pageSize,
                                                       companion: companions[offset].query), in: &result)
        }
        if stop() { return result }
        let mainWalks = mains.indices.map { (unit: owned[$0], walk: walks[2 * $0]) }
        // The walks at fixed page sizes are one unit, done by the shard owning sample 0. They are planned from
        // every sample's walk, in sample order, as an unsharded run does: a shard walks the samples it does
        // not own once more for that (only to plan; their checks belong to their own shards).
        if configuration.shard.owns(0) {
            let others = sample.indices.filter { !owned.contains($0) }
            let extra = others.isEmpty ? [] : context.slimWalker.run(others.map { samplePlans[$0] })
            var byUnit: [Int: Walk] = [:]
            for (unit, walk) in mainWalks { byUnit[unit] = walk }
            for (unit, walk) in zip(others, extra) { byUnit[unit] = walk }
            pageSizeWalks(sample.indices.compactMap { byUnit[$0] }, into: &result)
        }
        if stop() { return result }
        checkReverse(mainWalks.filter { $0.unit < 2 }.map(\.walk), into: &result)
        if stop() { return result }
        checkCursorReuse(mainWalks.filter { $0.unit < 3 }.map(\.walk), into: &result)
        return result
    }

    // MARK: Steps

    /// The same query at another page size.
    private func companion(_ plan: WalkPlan) -> WalkPlan {
        let shaper = context.shaper
        let query = context.classifier.classify(plan.pairs).query
        let size = shaper.companionPageSize(for: shaper.pageSize(of: query))
        return WalkPlan(pairs: shaper.setting(context.spec.pagination.pageSizeParam, to: String(size), in: plan.pairs))
    }

    /// Walks one query at page sizes 1, 2, the default and the maximum: each walk is checked, compared
    /// with the walk at the largest size and with the discovery walk.
    private func pageSizeWalks(_ mains: [Walk], into result: inout Result) {
        let fallback = discovery.base.map { QueryCodec.pairs(fromQuery: $0.baseQuery) }
        guard let plan = PageSizeWalkPlanner(spec: context.spec).plan(walks: mains, fallback: fallback,
                                                                       maxWalkPages: context.configuration.maxWalkPages) else { return }
        if context.configuration.verbose {
            for sized in plan.walks { context.progress.note("walk at page size \(sized.name): \(sized.plan.query)") }
        }
        let walks = context.slimWalker.run(plan.walks.map(\.plan), maxPages: plan.maxPages)
        guard let reference = walks.last else { return }
        for (sized, walk) in zip(plan.walks, walks) {
            if walk.isComplete { result.coveredPageSizes.append(walk.pageSize) }
            let isReference = sized.plan == plan.reference
            var findings = judge.walkFindings(main: walk, companion: nil, tally: &result.tally)
            if !isReference { findings += context.comparator.samePageSizeUnion(reference, walk, windowStart: discovery.windowStart) }
            record(findings, walk: walk, replay: .walk(query: sized.plan.query, pageSize: walk.pageSize,
                                                       companion: isReference ? nil : plan.reference.query), in: &result)
        }
    }

    /// `CF-SORT-REVERSE`: walks in the other direction must visit the same ids reversed.
    private func checkReverse(_ mains: [Walk], into result: inout Result) {
        let order = context.spec.pagination.order
        guard let directionParam = order.directionParam else { return }
        let flipped = mains.map { walk -> WalkPlan in
            let value = order.values[walk.direction.reversed] ?? walk.direction.reversed.rawValue
            return WalkPlan(pairs: context.shaper.setting(directionParam, to: value, in: QueryCodec.pairs(fromQuery: walk.baseQuery)))
        }
        let reversed = context.slimWalker.run(flipped)
        for (walk, other) in zip(mains, reversed) {
            let findings = judge.reverseFindings(walk, other, tally: &result.tally)
            record(findings, walk: other, replay: .relation(kind: WalkJudge.reverseKind, queries: [walk.baseQuery, other.baseQuery],
                                                            description: "ascending walk = reversed descending walk"), in: &result)
        }
    }

    /// `CF-CURSOR-REUSE`: the discovery walk's first cursor, sent with another query's filters,
    /// continues from its position under those filters.
    private func checkCursorReuse(_ mains: [Walk], into result: inout Result) {
        guard let base = discovery.base, let firstPage = base.pages.first?.page, let cursor = firstPage.nextCursor else { return }
        let cursorPair = WirePair.encoding(context.spec.pagination.cursorParam, cursor)
        for walk in mains where walk.direction == base.direction && walk.isComplete {
            let query = QueryCodec.queryString(QueryCodec.pairs(fromQuery: walk.baseQuery) + [cursorPair])
            let reused = context.executor.execute(query)
            let findings = context.comparator.cursorReuse(basePage: firstPage, other: walk, reused: reused, pageSize: walk.pageSize,
                                                          windowStart: discovery.windowStart)
            record(findings, walk: walk, replay: .relation(kind: WalkJudge.cursorReuseKind, queries: [base.baseQuery, walk.baseQuery, query],
                                                           description: "a cursor reused under other filters continues from its position"),
                   in: &result)
        }
    }

    /// Records walk findings, to be confirmed by re-running `replay`.
    private func record(_ findings: [Finding], walk: Walk, replay: ReplayPlan, in result: inout Result) {
        let fresh = result.findings.record(findings, origin: .walk(query: walk.baseQuery, pageSize: walk.pageSize),
                                           replay: replay, confirm: .replay)
        context.progress.announce(fresh)
    }
}
