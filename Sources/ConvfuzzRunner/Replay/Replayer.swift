import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzSpec

/// Runs any ``ReplayPlan`` and judges it: the one place a plan becomes findings, live, on
/// confirmation and on corpus replay alike.
///
/// A plan is run in two steps. ``observe(_:)`` sends what the plans need (the walks of several plans
/// go out together, so a phase keeps its concurrency), and ``judge(_:_:)`` turns what was seen into
/// findings without sending anything. Phases that hold what a plan needs already (the discovery
/// walk, the walks a relation shares with others) judge it directly; ``run(_:tally:)`` does both
/// for one stored plan. Judging never depends on who asked, so a re-run reproduces a live finding's
/// signature exactly when the target still behaves the same.
public struct Replayer: Sendable {
    /// The run's services.
    public let context: PhaseContext
    /// What walks are compared with (the discovery walk, its window, the issued cursors).
    public let discovery: Discovery

    /// Creates a replayer judging against `discovery`.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    private var windowStart: Int64? { discovery.windowStart }

    // MARK: Observations

    /// What was seen when a plan's requests were sent.
    public enum Observation: Sendable {
        /// The answer to a one-request plan (a generated case, the preflight).
        case response(ObservedResponse)
        /// The walks of a walk plan (`[walk, companion]`) or of a reverse-order comparison (`[walk, reversed]`).
        case walks([Walk])
        /// A cursor-reuse comparison: the base query's first page, the other query's walk, and the
        /// other query's answer when sent with the base page's cursor.
        case cursorReuse(basePage: Page, other: Walk, reused: ObservedResponse)
        /// The walks of a metamorphic relation, reduced to what a relation needs.
        case relationWalks([RelationWalk])
        /// Auth and tenancy probes judge what they send as they send it (every key variant stays inside them).
        case judged([Finding])
        /// Nothing could be observed (e.g. the base query's first page held no cursor to reuse).
        case nothing
    }

    /// What a relation needs of a walk: its ids, whether it ended, and the ids the growth window calls late.
    public struct RelationWalk: Sendable {
        /// True when the walk reached its end.
        public var isComplete: Bool
        /// The walk's ids.
        public var ids: Set<String>
        /// Ids the growth window ignores.
        public var late: Set<String>
    }

    /// A walk reduced to what relations need.
    public func relationWalk(_ walk: Walk) -> RelationWalk {
        let window = GrowthWindow(spec: context.spec, windowStart: windowStart)
        return RelationWalk(isComplete: walk.isComplete, ids: Set(walk.ids),
                            late: window.lateIDs(walk.items) { context.parser.id(of: $0) })
    }

    // MARK: Observing

    /// Sends what `plans` need and returns one observation per plan, in order. The walks of every
    /// plan go out together through the slim walker; single requests go out together as one batch.
    public func observe(_ plans: [ReplayPlan]) -> [Observation] {
        var walkPlans: [WalkPlan] = []
        var walkSlots: [Range<Int>?] = []
        var requests: [String] = []
        var requestSlots: [Int?] = []
        for plan in plans {
            let planned: [WalkPlan]
            switch plan {
            case .walk(let query, let pageSize, let companion, let pages):
                planned = plannedWalks(query: query, pageSize: pageSize, companion: companion, pages: pages)
            case .relation(.reverseOrder, let stored, _):
                planned = stored.count == 2 ? stored.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) } : []
            case .metamorphic(let relation): planned = relation.queryStrings.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) }
            default: planned = []
            }
            walkSlots.append(planned.isEmpty ? nil : walkPlans.count..<(walkPlans.count + planned.count))
            walkPlans += planned
            switch plan {
            case .generatedCase(let query, _, _, _), .request(let query):
                requestSlots.append(requests.count)
                requests.append(query)
            default:
                requestSlots.append(nil)
            }
        }
        let walks = walkPlans.isEmpty ? [] : context.slimWalker.run(walkPlans)
        let responses = requests.isEmpty ? [] : context.executor.execute(requests)
        return plans.indices.map { index in
            if let slot = requestSlots[index] { return .response(responses[slot]) }
            let plan = plans[index]
            if let range = walkSlots[index] {
                let observed = Array(walks[range])
                if case .metamorphic = plan { return .relationWalks(observed.map(relationWalk)) }
                return .walks(observed)
            }
            switch plan {
            case .relation(.cursorReuse, let queries, _): return observeCursorReuse(queries)
            case .auth(let query, let variant, _):
                return .judged(AuthProbes(configuration: context.configuration, executor: context.executor)
                    .probe(variant, query: query).0.findings)
            case .tenancy: return observeTenancy()
            default: return .nothing
            }
        }
    }

    /// The walks of a walk plan: the walk, then its companion. A prefix of `pages` pages takes the
    /// companion's pages that reach one item past it (at least one), so the two are compared over the walk's whole prefix.
    private func plannedWalks(query: String, pageSize: Int, companion: String?, pages: Int?) -> [WalkPlan] {
        let main = WalkPlan(pairs: QueryCodec.pairs(fromQuery: query), pages: pages)
        guard let companion else { return [main] }
        let pairs = QueryCodec.pairs(fromQuery: companion)
        let companionPages = pages.map { pages in
            let size = max(1, QueryReading(spec: context.spec).pageSize(context.classifier.classify(pairs).query))
            return max(1, (pages * max(1, pageSize) + size) / size)
        }
        return [main, WalkPlan(pairs: pairs, pages: companionPages)]
    }

    /// A cursor-reuse comparison: `[base query, other query, other query + the base's first cursor]`.
    /// The stored cursor may have expired, so the base's first page is fetched again for a fresh cursor.
    private func observeCursorReuse(_ queries: [String]) -> Observation {
        guard queries.count == 3 else { return .nothing }
        let basePage = context.executor.execute(queries[0])
        guard case .success(let page) = context.parser.parse(basePage.body), let cursor = page.nextCursor else { return .nothing }
        let other = context.slimWalker.run([WalkPlan(pairs: QueryCodec.pairs(fromQuery: queries[1]))])[0]
        let reusedQuery = QueryCodec.queryString(QueryCodec.pairs(fromQuery: queries[1])
            + [WirePair.encoding(context.spec.pagination.cursorParam, cursor)])
        return .cursorReuse(basePage: page, other: other, reused: context.executor.execute(reusedQuery))
    }

    /// Runs the tenancy checks again against the current base walk (they need the second key).
    private func observeTenancy() -> Observation {
        guard context.configuration.secondKey != nil, let base = discovery.base else {
            context.progress.note("note: a tenancy finding needs --second-key-env to be re-checked")
            return .nothing
        }
        do {
            let result = try TenancyChecks(configuration: context.configuration, basePairs: discovery.basePairs,
                                          executor: context.executor).run(firstWalk: base)
            return .judged(result.findings)
        } catch {
            context.progress.note("note: \(error)")
            return .nothing
        }
    }

    // MARK: Judging

    /// Every finding `plan` shows in `observation`; sends nothing.
    public func judge(_ plan: ReplayPlan, _ observation: Observation) -> [Finding] {
        switch (plan, observation) {
        case (.generatedCase(let query, _, _, _), .response(let response)), (.request(let query), .response(let response)):
            let classification = context.classifier.classify(QueryCodec.pairs(fromQuery: query), issuedCursors: discovery.issued)
            return context.responseOracle.check(classification: classification, response: response)
        case (.walk(_, _, _, let pages), .walks(let walks)):
            guard let main = walks.first else { return [] }
            return walkFindings(main: main, companion: walks.count > 1 ? walks[1] : nil, prefix: pages != nil)
        case (.relation(.reverseOrder, _, _), .walks(let walks)):
            guard walks.count == 2 else { return [] }
            let (walk, other) = (walks[0], walks[1])
            let (asc, desc) = walk.direction == .asc ? (walk, other) : (other, walk)
            return walkFindings(main: other, companion: nil)
                + context.comparator.reverse(asc: asc, desc: desc, windowStart: windowStart)
        case (.relation(.cursorReuse, _, _), .cursorReuse(let basePage, let other, let reused)):
            return context.comparator.cursorReuse(basePage: basePage, other: other, reused: reused, pageSize: other.pageSize,
                                                  windowStart: windowStart)
        case (.metamorphic(let relation), .relationWalks(let walks)):
            guard walks.count == relation.queries.count, walks.allSatisfy(\.isComplete) else { return [] }
            var late = Set<String>()
            for walk in walks { late.formUnion(walk.late) }
            return relation.evaluate(sets: walks.map(\.ids), ignoring: late)
        case (_, .judged(let findings)):
            return findings
        default:
            return []
        }
    }

    /// The walk-level findings of a walk, its companion at another page size (checked, and compared
    /// as sets), and the walk's completeness against the discovery walk. A `prefix` (a shrunk walk's
    /// first pages) is compared up to the last item it reached.
    private func walkFindings(main: Walk, companion: Walk?, prefix: Bool = false) -> [Finding] {
        let comparator = context.comparator
        var findings = context.walkOracle.check(main, windowStart: windowStart)
        if let companion {
            findings += context.walkOracle.check(companion, windowStart: windowStart)
            findings += prefix ? comparator.prefixPageSizeUnion(main, companion, windowStart: windowStart)
                : comparator.samePageSizeUnion(main, companion, windowStart: windowStart)
        }
        if let base = discovery.base {
            findings += prefix
                ? comparator.prefixCompleteness(filtered: main, base: base, evaluator: context.evaluator, windowStart: windowStart)
                : comparator.completeness(filtered: main, base: base, evaluator: context.evaluator, windowStart: windowStart)
        }
        return findings
    }

    // MARK: Running

    /// Runs one stored plan and returns what it finds now; counts the walks it judged in `tally`.
    public func run(_ plan: ReplayPlan, tally: inout WalkTally) -> [Finding] {
        let observation = observe([plan])[0]
        tally.count(observation)
        return judge(plan, observation)
    }
}

// MARK: - Counting

extension WalkTally {
    /// Counts the walks an observation holds (a tenancy re-run counts as one walk).
    public mutating func count(_ observation: Replayer.Observation) {
        switch observation {
        case .walks(let walks): for walk in walks { count(walk) }
        case .cursorReuse(_, let other, _): count(other)
        case .relationWalks(let walks): self.walks += walks.count
        default: break
        }
    }
}
