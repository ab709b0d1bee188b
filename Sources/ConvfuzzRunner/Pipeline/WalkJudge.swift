import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzSpec

/// Judges walks, comparisons and relations against a discovery, and re-runs stored plans: the one
/// place that turns a ``ReplayPlan`` back into findings, for corpus replay and confirmation alike.
public struct WalkJudge: Sendable {
    /// The run's services.
    public let context: PhaseContext
    /// What walks are compared with.
    public let discovery: Discovery

    /// The relation kind of a stored reverse-order comparison.
    public static let reverseKind = "reverse-order"
    /// The relation kind of a stored cursor-reuse comparison.
    public static let cursorReuseKind = "cursor-reuse"

    /// Creates a judge.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    private var windowStart: Int64? { discovery.windowStart }

    // MARK: Walks

    /// Every walk-level finding for a walk and its companion at another page size; counts them in `tally`.
    public func walkFindings(main: Walk, companion: Walk?, tally: inout WalkTally) -> [Finding] {
        tally.count(main, companion)
        var findings = context.walkOracle.check(main, windowStart: windowStart)
        if let companion {
            findings += context.walkOracle.check(companion, windowStart: windowStart)
            findings += context.comparator.samePageSizeUnion(main, companion, windowStart: windowStart)
        }
        if let base = discovery.base {
            findings += context.comparator.completeness(filtered: main, base: base, evaluator: context.evaluator,
                                                        windowStart: windowStart)
        }
        return findings
    }

    /// The reverse-order comparison of a walk (`walk`) and the same query in the other direction (`other`).
    public func reverseFindings(_ walk: Walk, _ other: Walk, tally: inout WalkTally) -> [Finding] {
        let (asc, desc) = walk.direction == .asc ? (walk, other) : (other, walk)
        return walkFindings(main: other, companion: nil, tally: &tally)
            + context.comparator.reverse(asc: asc, desc: desc, windowStart: windowStart)
    }

    // MARK: Relations

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

    /// Evaluates a relation plan on complete walks of its queries (silent when any walk is incomplete).
    public func evaluate(_ plan: RelationPlan, walks: [RelationWalk]) -> [Finding] {
        guard walks.count == plan.queries.count, walks.allSatisfy(\.isComplete) else { return [] }
        var late = Set<String>()
        for walk in walks { late.formUnion(walk.late) }
        return plan.evaluate(sets: walks.map(\.ids), ignoring: late)
    }

    // MARK: Re-running stored plans

    /// Re-runs a stored plan and returns what it finds now.
    public func rerun(_ plan: ReplayPlan, tally: inout WalkTally) -> [Finding] {
        switch plan {
        case .generatedCase(let query, _, _, _):
            return context.check(query: query, issued: discovery.issued)
        case .walk(let query, _, let companion):
            return rerunWalk(query: query, companion: companion, tally: &tally)
        case .relation(let kind, let queries, _):
            switch kind {
            case Self.reverseKind: return rerunReverse(queries, tally: &tally)
            case Self.cursorReuseKind: return rerunCursorReuse(queries)
            default: return []
            }
        case .metamorphic(let relation):
            let walks = context.slimWalker.run(relation.queryStrings.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) })
            return evaluate(relation, walks: walks.map(relationWalk))
        case .auth(let query, let variant, _):
            return AuthPhase(configuration: context.configuration, executor: context.executor).probe(variant, query: query).0.findings
        case .tenancy:
            return rerunTenancy(tally: &tally)
        }
    }

    /// Re-runs a stored walk (and its companion).
    public func rerunWalk(query: String, companion: String?, tally: inout WalkTally) -> [Finding] {
        var plans = [WalkPlan(pairs: QueryCodec.pairs(fromQuery: query))]
        if let companion { plans.append(WalkPlan(pairs: QueryCodec.pairs(fromQuery: companion))) }
        let walks = context.slimWalker.run(plans)
        return walkFindings(main: walks[0], companion: walks.count > 1 ? walks[1] : nil, tally: &tally)
    }

    /// Re-runs a reverse-order comparison of two walks.
    public func rerunReverse(_ queries: [String], tally: inout WalkTally) -> [Finding] {
        guard queries.count == 2 else { return [] }
        let walks = context.slimWalker.run(queries.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) })
        return reverseFindings(walks[0], walks[1], tally: &tally)
    }

    /// Re-runs a cursor-reuse comparison: [base query, other query, other query + the base's first cursor].
    /// The stored cursor may have expired, so the base's first page is fetched again for a fresh cursor.
    public func rerunCursorReuse(_ queries: [String]) -> [Finding] {
        guard queries.count == 3 else { return [] }
        let basePage = context.executor.execute(queries[0])
        guard case .success(let page) = context.parser.parse(basePage.body), let cursor = page.nextCursor else { return [] }
        let other = context.slimWalker.run([WalkPlan(pairs: QueryCodec.pairs(fromQuery: queries[1]))])[0]
        let reusedQuery = QueryCodec.queryString(QueryCodec.pairs(fromQuery: queries[1])
            + [WirePair.encoding(context.spec.pagination.cursorParam, cursor)])
        return context.comparator.cursorReuse(basePage: page, other: other, reused: context.executor.execute(reusedQuery),
                                              pageSize: other.pageSize, windowStart: windowStart)
    }

    /// Runs the tenancy checks again against the current base walk; every finding they make.
    public func rerunTenancy(tally: inout WalkTally) -> [Finding] {
        guard context.configuration.secondKey != nil, let base = discovery.base else {
            context.progress.note("note: a tenancy finding needs --second-key-env to be re-checked")
            return []
        }
        do {
            let result = try TenancyPhase(configuration: context.configuration, basePairs: discovery.basePairs,
                                          executor: context.executor).run(firstWalk: base)
            tally.walks += 1
            tally.pages += result.pagesWalked
            return result.findings
        } catch {
            context.progress.note("note: \(error)")
            return []
        }
    }
}
