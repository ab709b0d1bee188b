import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Picks up to `count` valid cases spread evenly over the run (deterministic).
    func sampleValidCases(_ count: Int) -> [GeneratedCase] {
        guard count > 0, !validCases.isEmpty else { return [] }
        if validCases.count <= count { return validCases }
        let step = Double(validCases.count) / Double(count)
        return (0..<count).map { validCases[Int(Double($0) * step)] }
    }

    /// Walks a sample of valid queries: each walk is checked, compared with a walk at another page size,
    /// with the discovery walk (completeness), with the reverse order, and with a reused cursor.
    func runWalks() {
        let sample = sampleValidCases(configuration.walkSample)
        work.plan(.walks, total: sample.count)
        // Sample `j`, with its companion, reverse-order (j < 2) and cursor-reuse (j < 3) checks, is one unit.
        let owned = configuration.shard.owned(of: sample.count)
        guard !owned.isEmpty else { return }
        report("walks", done: 0, total: 2 * owned.count)
        let samplePlans = sample.map { generated in
            WalkPlan(pairs: shaper.withResultsHelpers(shaper.withoutCursor(generated.pairs), query: generated.classification.query))
        }
        let mains = owned.map { samplePlans[$0] }
        let companions = mains.map(companion)
        // Each sampled query is walked twice (at two page sizes): the unit shown is walks.
        let walks = walker.run(zip(mains, companions).flatMap { [$0, $1] }) { [self] done in
            report("walks", done: done, total: 2 * mains.count)
        }
        for offset in mains.indices where !outOfBudget() {
            let main = walks[2 * offset]
            work.did(.walks, owned[offset])
            let findings = walkFindings(main: main, companion: walks[2 * offset + 1])
            let query = mains[offset].query
            let companionQuery = companions[offset].query
            record(findings, walk: main, replay: .walk(query: query, pageSize: main.pageSize, companion: companionQuery)) { [self] in
                rerunWalk(query: query, pageSize: main.pageSize, companion: companionQuery)
            }
        }
        if outOfBudget() { return }
        let mainWalks = mains.indices.map { (unit: owned[$0], walk: walks[2 * $0]) }
        // The walks at fixed page sizes are one unit, done by the shard owning sample 0. They are planned from
        // every sample's walk, in sample order, as an unsharded run does: a shard walks the samples it does
        // not own once more for that (only to plan; their checks belong to their own shards).
        if configuration.shard.owns(0) {
            let others = sample.indices.filter { !owned.contains($0) }
            let extra = others.isEmpty ? [] : walker.run(others.map { samplePlans[$0] })
            var byUnit: [Int: Walk] = [:]
            for (unit, walk) in mainWalks { byUnit[unit] = walk }
            for (unit, walk) in zip(others, extra) { byUnit[unit] = walk }
            runPageSizeWalks(sample.indices.compactMap { byUnit[$0] })
        }
        if outOfBudget() { return }
        checkReverse(ArraySlice(mainWalks.filter { $0.unit < 2 }.map(\.walk)))
        if outOfBudget() { return }
        checkCursorReuse(ArraySlice(mainWalks.filter { $0.unit < 3 }.map(\.walk)))
    }

    /// The same query at another page size.
    func companion(_ plan: WalkPlan) -> WalkPlan {
        let query = classifier.classify(plan.pairs).query
        let size = shaper.companionPageSize(for: shaper.pageSize(of: query))
        return WalkPlan(pairs: shaper.setting(spec.pagination.pageSizeParam, to: String(size), in: plan.pairs))
    }

    /// Every walk-level finding for a walk and its companion at another page size.
    func walkFindings(main: Walk, companion: Walk?) -> [Finding] {
        statistics.walks += companion == nil ? 1 : 2
        statistics.pagesWalked += main.pages.count + (companion?.pages.count ?? 0)
        var findings = walkOracle.check(main, windowStart: windowStart)
        if let companion {
            findings += walkOracle.check(companion, windowStart: windowStart)
            findings += comparator.samePageSizeUnion(main, companion, windowStart: windowStart)
        }
        if let base = discovery {
            findings += comparator.completeness(filtered: main, base: base, evaluator: evaluator, windowStart: windowStart)
        }
        return findings
    }

    /// Re-runs a stored walk (and its companion) and returns its findings.
    func rerunWalk(query: String, pageSize: Int, companion: String?) -> [Finding] {
        var plans = [WalkPlan(pairs: QueryCodec.pairs(fromQuery: query))]
        if let companion { plans.append(WalkPlan(pairs: QueryCodec.pairs(fromQuery: companion))) }
        let walks = walker.run(plans)
        return walkFindings(main: walks[0], companion: walks.count > 1 ? walks[1] : nil)
    }

    /// Records walk findings with a way to re-run them.
    func record(_ findings: [Finding], walk: Walk, replay: ReplayPlan, rerun: @escaping () -> [Finding]) {
        let fresh = ledger.record(findings, origin: .walk(query: walk.baseQuery, pageSize: walk.pageSize),
                                  replay: replay, confirm: .rerun(rerun))
        announce(fresh)
    }

    /// `CF-SORT-REVERSE`: walks in the other direction must visit the same ids reversed.
    func checkReverse(_ mains: ArraySlice<Walk>) {
        guard let directionParam = spec.pagination.order.directionParam else { return }
        let order = spec.pagination.order
        let flipped = mains.map { walk -> WalkPlan in
            let value = order.values[walk.direction.reversed] ?? walk.direction.reversed.rawValue
            return WalkPlan(pairs: shaper.setting(directionParam, to: value, in: QueryCodec.pairs(fromQuery: walk.baseQuery)))
        }
        let reversed = walker.run(flipped)
        for (walk, other) in zip(mains, reversed) {
            let (asc, desc) = walk.direction == .asc ? (walk, other) : (other, walk)
            let mainQuery = walk.baseQuery
            let otherQuery = other.baseQuery
            let findings = walkFindings(main: other, companion: nil) + comparator.reverse(asc: asc, desc: desc, windowStart: windowStart)
            let queries = [mainQuery, otherQuery]
            record(findings, walk: other, replay: .relation(kind: Runner.reverseKind, queries: queries,
                                                            description: "ascending walk = reversed descending walk")) { [self] in
                rerunReverse(queries)
            }
        }
    }

    /// `CF-CURSOR-REUSE`: the discovery walk's first cursor, sent with another query's filters,
    /// continues from its position under those filters.
    func checkCursorReuse(_ mains: ArraySlice<Walk>) {
        guard let base = discovery, let firstPage = base.pages.first?.page, let cursor = firstPage.nextCursor else { return }
        let cursorPair = WirePair.encoding(spec.pagination.cursorParam, cursor)
        for walk in mains where walk.direction == base.direction && walk.isComplete {
            let query = QueryCodec.queryString(QueryCodec.pairs(fromQuery: walk.baseQuery) + [cursorPair])
            let reused = executor.execute(query)
            let findings = comparator.cursorReuse(basePage: firstPage, other: walk, reused: reused, pageSize: walk.pageSize,
                                                  windowStart: windowStart)
            let queries = [base.baseQuery, walk.baseQuery, query]
            record(findings, walk: walk, replay: .relation(kind: Runner.cursorReuseKind, queries: queries,
                                                           description: "a cursor reused under other filters continues from its position")) { [self] in
                rerunCursorReuse(queries)
            }
        }
    }

    /// The relation kind of a stored reverse-order comparison.
    static let reverseKind = "reverse-order"
    /// The relation kind of a stored cursor-reuse comparison.
    static let cursorReuseKind = "cursor-reuse"

    /// Re-runs a reverse-order comparison of two walks.
    func rerunReverse(_ queries: [String]) -> [Finding] {
        guard queries.count == 2 else { return [] }
        let walks = walker.run(queries.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) })
        let (asc, desc) = walks[0].direction == .asc ? (walks[0], walks[1]) : (walks[1], walks[0])
        return walkFindings(main: walks[1], companion: nil) + comparator.reverse(asc: asc, desc: desc, windowStart: windowStart)
    }

    /// Re-runs a cursor-reuse comparison: [base query, other query, other query + the base's first cursor].
    /// The stored cursor may have expired, so the base's first page is fetched again for a fresh cursor.
    func rerunCursorReuse(_ queries: [String]) -> [Finding] {
        guard queries.count == 3 else { return [] }
        let basePage = executor.execute(queries[0])
        guard case .success(let page) = parser.parse(basePage.body), let cursor = page.nextCursor else { return [] }
        let other = walker.run([WalkPlan(pairs: QueryCodec.pairs(fromQuery: queries[1]))])[0]
        let reusedQuery = QueryCodec.queryString(QueryCodec.pairs(fromQuery: queries[1])
            + [WirePair.encoding(spec.pagination.cursorParam, cursor)])
        return comparator.cursorReuse(basePage: page, other: other, reused: executor.execute(reusedQuery),
                                      pageSize: other.pageSize, windowStart: windowStart)
    }
}
