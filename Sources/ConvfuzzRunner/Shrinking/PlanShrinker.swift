import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzSpec

/// Shrinks the plan of a walk or relation finding over the network, as ``Shrinker`` shrinks a case:
/// a search over smaller plans that keeps a candidate only when running it still shows the finding.
///
/// The shrinker only proposes and orders candidates; running one is the caller's `stillShows` (the
/// runner's ``ShrinkingStep`` replays it through the one ``Replayer``), and `canAttempt` says whether
/// the request budget and the deadline allow another run, so the search never sends anything itself
/// (the split of Hypothesis's conjecture engine between the shrinker and the test function).
///
/// Plans are ordered by size: the fewest filters first (query pairs other than the page size), then
/// the fewest pages walked (a prefix is smaller than a whole walk), then the smallest page size, then
/// the shortest text. Passes, repeated until a round makes no progress or no attempt is allowed:
/// 1. hints: plans that shrank earlier findings of the same check, tried as they are;
/// 2. a walk prefix: the first 1, 2, 3, 4 or 8 pages (fewer than the current prefix);
/// 3. each filter removed (from the walk and its companion; from every query of a relation);
/// 4. for a prefix, a smaller page size (1, 2, 3, 5, 10, then halving), never the companion's.
///
/// At the end the smallest plan is run once more; when it does not show the finding again the input
/// plan is returned (a shrink is kept only when it failed twice, or when the budget ran out first).
public struct PlanShrinker: Sendable {
    private let spec: Spec
    private let shaper: QueryShaper
    private let reading: QueryReading
    private let classifier: WireClassifier

    /// A shrinker for plans of `spec`'s endpoint.
    public init(spec: Spec) {
        self.spec = spec
        shaper = QueryShaper(spec: spec)
        reading = QueryReading(spec: spec)
        classifier = WireClassifier(spec: spec)
    }

    /// Whether plans of this kind are shrunk (walks and comparisons of walks).
    public static func shrinks(_ plan: ReplayPlan) -> Bool {
        switch plan.kind {
        case .walk, .relation, .metamorphic: return true
        case .generatedCase, .request, .auth, .tenancy: return false
        }
    }

    // MARK: Searching

    /// Shrinks `plan`. `stillShows` runs a candidate and returns the finding it shows (nil when it does
    /// not show it); `canAttempt` is asked before every run.
    public func shrink(_ plan: ReplayPlan, hints: [ReplayPlan] = [], canAttempt: @escaping () -> Bool,
                       stillShows: @escaping (ReplayPlan) -> Finding?) -> PlanShrinkResult {
        guard Self.shrinks(plan) else { return PlanShrinkResult(plan: plan, finding: nil, attempts: 0, steps: 0, verified: false) }
        var search = Search(current: plan, canAttempt: canAttempt, stillShows: stillShows, size: { self.size($0) })
        var progress = true
        var round = 0
        while progress && search.allowed {
            progress = false
            if round == 0 { for hint in hints { progress = search.attempt(hint) || progress } }
            progress = shortenPrefix(&search) || progress
            progress = removeFilters(&search) || progress
            progress = lowerPageSize(&search) || progress
            round += 1
        }
        guard search.steps > 0 else {
            return PlanShrinkResult(plan: plan, finding: nil, attempts: search.attempts, steps: 0, verified: false)
        }
        guard search.allowed else {
            return PlanShrinkResult(plan: search.current, finding: search.finding, attempts: search.attempts, steps: search.steps,
                                    verified: false)
        }
        search.attempts += 1
        guard let again = stillShows(search.current) else {
            return PlanShrinkResult(plan: plan, finding: nil, attempts: search.attempts, steps: 0, verified: false)
        }
        return PlanShrinkResult(plan: search.current, finding: again, attempts: search.attempts, steps: search.steps, verified: true)
    }

    /// The search state: the smallest plan that showed the finding so far, and what was tried.
    private struct Search {
        var current: ReplayPlan
        var finding: Finding?
        var attempts = 0
        var steps = 0
        var seen: Set<ReplayPlan>
        let canAttempt: () -> Bool
        let stillShows: (ReplayPlan) -> Finding?
        let size: (ReplayPlan) -> PlanSize

        init(current: ReplayPlan, canAttempt: @escaping () -> Bool, stillShows: @escaping (ReplayPlan) -> Finding?,
             size: @escaping (ReplayPlan) -> PlanSize) {
            self.current = current
            self.canAttempt = canAttempt
            self.stillShows = stillShows
            self.size = size
            seen = [current]
        }

        var allowed: Bool { canAttempt() }

        /// Runs `candidate` when it is smaller than the current plan and new; adopts it when it still shows the finding.
        mutating func attempt(_ candidate: ReplayPlan) -> Bool {
            guard size(candidate) < size(current), !seen.contains(candidate), canAttempt() else { return false }
            seen.insert(candidate)
            attempts += 1
            guard let shown = stillShows(candidate) else { return false }
            current = candidate
            finding = shown
            steps += 1
            return true
        }
    }

    // MARK: Passes

    /// Tries the first 1, 2, 3, 4 or 8 pages of a walk, smallest first; stops at the first that shows it.
    private func shortenPrefix(_ search: inout Search) -> Bool {
        guard case .walk(let query, let pageSize, let companion, let pages) = search.current else { return false }
        for prefix in [1, 2, 3, 4, 8] where prefix < (pages ?? Int.max) {
            if search.attempt(.walk(query: query, pageSize: pageSize, companion: companion, pages: prefix)) { return true }
        }
        return false
    }

    /// Tries the plan without each filter in turn (last first), keeping every removal that still shows it.
    private func removeFilters(_ search: inout Search) -> Bool {
        var progress = false
        var position = filters(of: search.current).count - 1
        while position >= 0 {
            let names = filters(of: search.current)
            if position < names.count, let candidate = without(names[position], in: search.current),
               search.attempt(candidate) {
                progress = true
            }
            position -= 1
        }
        return progress
    }

    /// For a walk prefix: the same number of pages at a smaller page size, smallest first.
    private func lowerPageSize(_ search: inout Search) -> Bool {
        guard case .walk(let query, let pageSize, let companion, let pages?) = search.current else { return false }
        let companionSize = companion.map { self.pageSize(of: $0) }
        var sizes = [1, 2, 3, 5, 10]
        var half = pageSize / 2
        while half > 10 { sizes.append(half); half /= 2 }
        for size in Set(sizes).sorted() where size < pageSize && size != companionSize {
            let pairs = shaper.setting(spec.pagination.pageSizeParam, to: String(size), in: QueryCodec.pairs(fromQuery: query))
            if search.attempt(.walk(query: QueryCodec.queryString(pairs), pageSize: size, companion: companion, pages: pages)) {
                return true
            }
        }
        return false
    }

    // MARK: Candidates

    /// The pairs of the plan's first query a candidate may remove, in order: every pair but the page
    /// size and the cursor (for a relation, only those every one of its queries holds).
    private func filters(of plan: ReplayPlan) -> [WirePair] {
        switch plan {
        case .walk(let query, _, _, _):
            return removable(QueryCodec.pairs(fromQuery: query))
        case .relation(_, let queries, _):
            guard let first = queries.first else { return [] }
            let others = queries.dropFirst().map { Set(QueryCodec.pairs(fromQuery: $0)) }
            return removable(QueryCodec.pairs(fromQuery: first)).filter { pair in others.allSatisfy { $0.contains(pair) } }
        case .metamorphic(let relation):
            guard let first = relation.queries.first else { return [] }
            let others = relation.queries.dropFirst().map(Set.init)
            return first.filter { item in
                item.name != spec.pagination.pageSizeParam && item.name != spec.pagination.cursorParam
                    && others.allSatisfy { $0.contains(item) }
            }.map { WirePair.encoding($0.name, $0.value) }
        default:
            return []
        }
    }

    private func removable(_ pairs: [WirePair]) -> [WirePair] {
        pairs.filter {
            let name = shaper.decodedName($0)
            return name != spec.pagination.pageSizeParam && name != spec.pagination.cursorParam
        }
    }

    /// The plan without one pair (in every query that holds it), or nil when nothing changes.
    private func without(_ pair: WirePair, in plan: ReplayPlan) -> ReplayPlan? {
        func drop(_ query: String) -> String {
            var pairs = QueryCodec.pairs(fromQuery: query)
            if let index = pairs.firstIndex(of: pair) { pairs.remove(at: index) }
            return QueryCodec.queryString(pairs)
        }
        switch plan {
        case .walk(let query, let pageSize, let companion, let pages):
            return .walk(query: drop(query), pageSize: pageSize, companion: companion.map(drop), pages: pages)
        case .relation(let kind, let queries, let description):
            return .relation(kind: kind, queries: queries.map(drop), description: description)
        case .metamorphic(var relation):
            let item = relation.queries.first?.first { WirePair.encoding($0.name, $0.value) == pair }
            guard let item else { return nil }
            relation.queries = relation.queries.map { items in
                var items = items
                if let index = items.firstIndex(of: item) { items.remove(at: index) }
                return items
            }
            return .metamorphic(relation)
        default:
            return nil
        }
    }

    // MARK: What a plan needs

    /// The query pairs of a plan's first query other than the page size and the cursor.
    public func filterCount(_ plan: ReplayPlan) -> Int {
        plan.queries.first.map { removable(QueryCodec.pairs(fromQuery: $0)).count } ?? 0
    }

    /// The parameters a shrunk plan still needs, by decoded name: the filters it kept (for a relation,
    /// those every query shares: its base), and the cursor parameter when a walk prefix needs two pages
    /// or more (its first pages did not show the finding, a page reached by a cursor did).
    public func neededParameters(_ plan: ReplayPlan) -> [String] {
        var names: [String] = []
        for pair in filters(of: plan) where !names.contains(shaper.decodedName(pair)) { names.append(shaper.decodedName(pair)) }
        if case .walk(_, _, _, let pages?) = plan, pages >= 2 { names.append(spec.pagination.cursorParam) }
        return names
    }

    // MARK: Size

    /// How big a plan is, compared lexicographically.
    struct PlanSize: Comparable {
        var filters: Int
        var pages: Int
        var pageSize: Int
        var length: Int

        static func < (lhs: PlanSize, rhs: PlanSize) -> Bool {
            (lhs.filters, lhs.pages, lhs.pageSize, lhs.length) < (rhs.filters, rhs.pages, rhs.pageSize, rhs.length)
        }
    }

    /// The size of a plan: filters, pages walked (a whole walk is the largest), page size, total query length.
    func size(_ plan: ReplayPlan) -> PlanSize {
        let length = plan.queries.reduce(0) { $0 + $1.count }
        switch plan {
        case .walk(let query, let pageSize, _, let pages):
            return PlanSize(filters: removable(QueryCodec.pairs(fromQuery: query)).count, pages: pages ?? Int.max,
                            pageSize: pageSize, length: length)
        case .relation(_, let queries, _):
            return PlanSize(filters: queries.first.map { removable(QueryCodec.pairs(fromQuery: $0)).count } ?? 0,
                            pages: Int.max, pageSize: 0, length: length)
        case .metamorphic(let relation):
            return PlanSize(filters: relation.queries.reduce(0) { $0 + $1.count }, pages: Int.max, pageSize: 0, length: length)
        default:
            return PlanSize(filters: 0, pages: Int.max, pageSize: 0, length: length)
        }
    }

    /// The effective page size of a query.
    private func pageSize(of query: String) -> Int {
        reading.pageSize(classifier.classify(QueryCodec.pairs(fromQuery: query)).query)
    }
}
