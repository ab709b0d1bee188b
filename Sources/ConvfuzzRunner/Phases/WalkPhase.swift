import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

/// Phase 6: cursor walks of a sample of valid cases. Each walk is checked, compared with a walk at
/// another page size, with the discovery walk (completeness), with the reverse order, and with a
/// cursor reused under its filters.
public struct WalkPhase: Sendable {
    /// What the walks found.
    public struct Result: Sendable {
        /// Findings, in walk order.
        public var findings: FindingLog
        /// Why the phase stopped early, if it did.
        public var stoppedEarly: String?
    }

    /// The run's services.
    public let context: PhaseContext
    /// The base walk and window.
    public let discovery: Discovery
    /// Valid cases of the case phase, in case order.
    public let validCases: [GeneratedCase]
    /// When to stop.
    public let budget: RunBudget

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery, validCases: [GeneratedCase], budget: RunBudget) {
        self.context = context
        self.discovery = discovery
        self.validCases = validCases
        self.budget = budget
    }

    /// Up to `count` valid cases spread evenly over the run (deterministic).
    public func sample(_ count: Int) -> [GeneratedCase] {
        guard count > 0, !validCases.isEmpty else { return [] }
        if validCases.count <= count { return validCases }
        let step = Double(validCases.count) / Double(count)
        return (0..<count).map { validCases[Int(Double($0) * step)] }
    }

    /// The same query at another page size (the plan's page size, classified once when it was planned).
    public func companion(_ plan: WalkPlan) -> WalkPlan {
        let size = context.shaper.companionPageSize(for: plan.requestedPageSize(context.reading))
        return context.plan(context.shaper.setting(context.spec.pagination.pageSizeParam, to: String(size), in: plan.pairs))
    }

    /// Walks the sample and compares.
    public func run(known: Set<String> = []) -> Result {
        var result = Result(findings: FindingLog(known: known))
        let sample = sample(context.configuration.walkSample)
        guard !sample.isEmpty else { return result }
        let shaper = context.shaper
        let judge = WalkJudge(context: context, discovery: discovery)
        context.progress.report("walks", done: 0, total: sample.count, findings: result.findings.runUniqueCount)
        let mains = sample.map { generated in
            context.plan(shaper.withResultsHelpers(shaper.withoutCursor(generated.pairs), query: generated.classification.query))
        }
        let companions = mains.map(companion)
        let walks = context.walker.run(zip(mains, companions).flatMap { [$0, $1] })
        let checks = ParallelWork.map(Array(mains.indices)) { judge.walkFindings(main: walks[2 * $0], companion: walks[2 * $0 + 1]) }
        for offset in mains.indices {
            let main = walks[2 * offset]
            let findings = checks[offset]
            record(findings, walk: main, replay: .walk(query: mains[offset].query, pageSize: main.pageSize,
                                                       companion: companions[offset].query), into: &result.findings)
            context.progress.report("walks", done: offset + 1, total: sample.count, findings: result.findings.runUniqueCount)
        }
        let mainWalks = mains.indices.map { walks[2 * $0] }
        if let reason = budget.stopReason(uniqueFindings: result.findings.runUniqueCount) {
            result.stoppedEarly = reason
            return result
        }
        checkReverse(mainWalks.prefix(2), judge: judge, into: &result.findings)
        if let reason = budget.stopReason(uniqueFindings: result.findings.runUniqueCount) {
            result.stoppedEarly = reason
            return result
        }
        checkCursorReuse(mainWalks.prefix(3), judge: judge, into: &result.findings)
        return result
    }

    private func record(_ findings: [Finding], walk: Walk, replay: ReplayPlan, into log: inout FindingLog) {
        let fresh = log.record(findings, origin: .walk(query: walk.baseQuery, pageSize: walk.pageSize), replay: replay,
                               confirm: .replay)
        context.progress.announce(fresh)
    }

    /// `CF-SORT-REVERSE`: walks in the other direction must visit the same ids reversed.
    func checkReverse(_ mains: ArraySlice<Walk>, judge: WalkJudge, into log: inout FindingLog) {
        let order = context.spec.pagination.order
        guard let directionParam = order.directionParam else { return }
        let flipped = mains.map { walk -> WalkPlan in
            let value = order.values[walk.direction.reversed] ?? walk.direction.reversed.rawValue
            return context.plan(context.shaper.setting(directionParam, to: value, in: QueryCodec.pairs(fromQuery: walk.baseQuery)))
        }
        let reversed = context.walker.run(flipped)
        let checks = ParallelWork.map(Array(zip(mains, reversed))) { judge.reverseFindings($0, $1) }
        for ((walk, other), findings) in zip(zip(mains, reversed), checks) {
            let queries = [walk.baseQuery, other.baseQuery]
            record(findings, walk: other,
                   replay: .relation(kind: WalkJudge.reverseKind, queries: queries,
                                     description: "ascending walk = reversed descending walk"), into: &log)
        }
    }

    /// `CF-CURSOR-REUSE`: the discovery walk's first cursor, sent with another query's filters,
    /// continues from its position under those filters.
    func checkCursorReuse(_ mains: ArraySlice<Walk>, judge: WalkJudge, into log: inout FindingLog) {
        guard let base = discovery.base, let firstPage = base.pages.first?.page, let cursor = firstPage.nextCursor else { return }
        let cursorPair = WirePair.encoding(context.spec.pagination.cursorParam, cursor)
        for walk in mains where walk.direction == base.direction && walk.isComplete {
            let query = QueryCodec.queryString(QueryCodec.pairs(fromQuery: walk.baseQuery) + [cursorPair])
            let reused = context.executor.execute(query)
            let findings = context.comparator.cursorReuse(basePage: firstPage, other: walk, reused: reused,
                                                          pageSize: walk.pageSize, windowStart: discovery.windowStart)
            record(findings, walk: walk,
                   replay: .relation(kind: WalkJudge.cursorReuseKind, queries: [base.baseQuery, walk.baseQuery, query],
                                     description: "a cursor reused under other filters continues from its position"),
                   into: &log)
        }
    }
}
