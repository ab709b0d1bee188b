import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzSpec

/// Judges walks, comparisons and relations against a discovery: the one place that re-runs a
/// ``ReplayPlan``, for corpus replay and for confirmation alike.
public struct WalkJudge: Sendable {
    /// The run's services.
    public let context: PhaseContext
    /// What walks are compared with.
    public let discovery: Discovery

    /// Creates a judge.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    private var windowStart: Int64? { discovery.windowStart }

    /// The relation kind of a stored reverse-order comparison.
    public static let reverseKind = "reverse-order"
    /// The relation kind of a stored cursor-reuse comparison.
    public static let cursorReuseKind = "cursor-reuse"

    // MARK: Walks

    /// Every walk-level finding for a walk and its companion at another page size.
    public func walkFindings(main: Walk, companion: Walk?) -> [Finding] {
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

    /// The reverse-order comparison of two walks of the same query in both directions.
    public func reverseFindings(_ walk: Walk, _ other: Walk) -> [Finding] {
        let (asc, desc) = walk.direction == .asc ? (walk, other) : (other, walk)
        return walkFindings(main: other, companion: nil)
            + context.comparator.reverse(asc: asc, desc: desc, windowStart: windowStart)
    }

    /// Evaluates a relation plan on complete walks of its queries (silent when any walk is incomplete).
    public func evaluate(_ plan: RelationPlan, walks: [Walk]) -> [Finding] {
        guard walks.count == plan.queries.count, walks.allSatisfy(\.isComplete) else { return [] }
        let window = GrowthWindow(spec: context.spec, windowStart: windowStart)
        var late = Set<String>()
        for walk in walks { late.formUnion(window.lateIDs(walk.items) { context.parser.id(of: $0) }) }
        return plan.evaluate(sets: walks.map { Set($0.ids) }, ignoring: late)
    }

    // MARK: Re-running stored plans

    /// Re-runs a stored plan and returns what it finds now.
    public func rerun(_ plan: ReplayPlan) -> [Finding] {
        switch plan {
        case .generatedCase(let query, _, _, _):
            return context.check(query: query, issued: discovery.issued)
        case .walk(let query, _, let companion):
            return rerunWalk(query: query, companion: companion)
        case .relation(let kind, let queries, _):
            switch kind {
            case Self.reverseKind: return rerunReverse(queries)
            case Self.cursorReuseKind: return rerunCursorReuse(queries)
            default: return []
            }
        case .metamorphic(let relation):
            return evaluate(relation, walks: context.walker.run(relation.queryStrings.map { context.plan(query: $0) }))
        }
    }

    /// Re-runs a stored walk (and its companion).
    public func rerunWalk(query: String, companion: String?) -> [Finding] {
        var plans = [context.plan(query: query)]
        if let companion { plans.append(context.plan(query: companion)) }
        let walks = context.walker.run(plans)
        return walkFindings(main: walks[0], companion: walks.count > 1 ? walks[1] : nil)
    }

    /// Re-runs a reverse-order comparison of two walks.
    public func rerunReverse(_ queries: [String]) -> [Finding] {
        guard queries.count == 2 else { return [] }
        let walks = context.walker.run(queries.map { context.plan(query: $0) })
        return reverseFindings(walks[0], walks[1])
    }

    /// Re-runs a cursor-reuse comparison: [base query, other query, other query + the base's first cursor].
    /// The stored cursor may have expired, so the base's first page is fetched again for a fresh cursor.
    public func rerunCursorReuse(_ queries: [String]) -> [Finding] {
        guard queries.count == 3 else { return [] }
        let basePage = context.executor.execute(queries[0])
        guard case .success(let page) = context.parser.parse(basePage.body), let cursor = page.nextCursor else { return [] }
        let other = context.walker.run([context.plan(query: queries[1])])[0]
        let reusedQuery = QueryCodec.queryString(QueryCodec.pairs(fromQuery: queries[1])
            + [WirePair.encoding(context.spec.pagination.cursorParam, cursor)])
        return context.comparator.cursorReuse(basePage: page, other: other, reused: context.executor.execute(reusedQuery),
                                              pageSize: other.pageSize, windowStart: windowStart)
    }
}
