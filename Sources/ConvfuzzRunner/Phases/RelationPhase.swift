import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

/// Phase 7: metamorphic relations planned from the spec over an unfiltered and a filtered base; one
/// plan of every kind first, then round-robin. Every query a plan needs is walked to its end once.
public struct RelationPhase: Sendable {
    /// What the relations found.
    public struct Result: Sendable {
        /// The plans evaluated, in order.
        public var plans: [RelationPlan]
        /// Findings: walk findings first (query order), then relation findings (plan order).
        public var findings: FindingLog
    }

    /// The run's services.
    public let context: PhaseContext
    /// Pools (candidate values), base walk and window.
    public let discovery: Discovery
    /// Valid cases of the case phase, in case order.
    public let validCases: [GeneratedCase]

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery, validCases: [GeneratedCase]) {
        self.context = context
        self.discovery = discovery
        self.validCases = validCases
    }

    /// The plans, in order (deterministic from the seed, the pools and the valid cases).
    public func plans() -> [RelationPlan] {
        let configuration = context.configuration
        let spec = context.spec
        guard configuration.relationBudget > 0 else { return [] }
        let planner = MetamorphicPlanner(spec: spec)
        let unfiltered = [QueryItem(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        let candidates = relationCandidates()
        // Two bases: the unfiltered query, and a valid query with a filter or two, so that
        // "adding a filter gives a subset" can fail when one filter makes the target drop another.
        if let filtered = filteredBase(), configuration.relationBudget >= 3 {
            let share = configuration.relationBudget / 3
            return planner.plans(base: unfiltered, candidates: candidates, seed: configuration.seed,
                                 budget: configuration.relationBudget - share)
                + planner.plans(base: unfiltered + filtered, candidates: candidates, seed: configuration.seed &+ 1,
                                budget: share)
        }
        return planner.plans(base: unfiltered, candidates: candidates, seed: configuration.seed,
                             budget: configuration.relationBudget)
    }

    /// Walks every query of every plan once, then evaluates the plans.
    public func run(known: Set<String> = []) -> Result {
        let plans = plans()
        var log = FindingLog(known: known)
        guard !plans.isEmpty else { return Result(plans: [], findings: log) }
        if context.configuration.verbose {
            for plan in plans { context.progress.note("relation [\(plan.check.rawValue)] \(plan.parameter): \(plan.description)") }
        }
        context.progress.report("relations", done: 0, total: plans.count, findings: log.runUniqueCount)
        let judge = WalkJudge(context: context, discovery: discovery)
        var unique: [String] = []
        var seen = Set<String>()
        for plan in plans {
            for query in plan.queryStrings where seen.insert(query).inserted { unique.append(query) }
        }
        let walks = context.walker.run(unique.map { context.plan(query: $0) })
        let walkChecks = ParallelWork.map(walks) { judge.walkFindings(main: $0, companion: nil) }
        var byQuery: [String: Walk] = [:]
        for (query, walk) in zip(unique, walks) { byQuery[query] = walk }
        for ((query, walk), findings) in zip(zip(unique, walks), walkChecks) {
            let fresh = log.record(findings,
                                   origin: .walk(query: walk.baseQuery, pageSize: walk.pageSize),
                                   replay: .walk(query: query, pageSize: walk.pageSize, companion: nil), confirm: .replay)
            context.progress.announce(fresh)
        }
        let walksByQuery = byQuery
        let evaluations = ParallelWork.map(plans) { plan in
            judge.evaluate(plan, walks: plan.queryStrings.compactMap { walksByQuery[$0] })
        }
        for (position, (plan, findings)) in zip(plans, evaluations).enumerated() {
            let fresh = log.record(findings, origin: .relation(description: plan.description), replay: .metamorphic(plan),
                                   confirm: .replay)
            context.progress.announce(fresh)
            context.progress.report("relations", done: position + 1, total: plans.count, findings: log.runUniqueCount)
        }
        return Result(plans: plans, findings: log)
    }

    /// The filters of the first plain valid case that sends one or two visible filters, as decoded items.
    func filteredBase() -> [QueryItem]? {
        let visible = Set(context.spec.filters.filter { $0.visibility == .visible }.map(\.param))
        for generated in validCases where generated.label.kind == .valid {
            let query = generated.classification.query
            let names = query.parameterNames.filter { visible.contains($0) }
            guard (1...2).contains(names.count) else { continue }
            return names.flatMap { name in
                query.lists[name].map { $0.map { QueryItem(name, $0) } } ?? query.scalars[name].map { [QueryItem(name, $0)] } ?? []
            }
        }
        return nil
    }

    /// Realistic values per parameter for relations: what valid cases sent, then the pools.
    func relationCandidates() -> [String: [String]] {
        let spec = context.spec
        let pools = discovery.pools
        var candidates: [String: [String]] = [:]
        var seen: [String: Set<String>] = [:]
        func add(_ name: String, _ value: String) {
            if seen[name, default: []].insert(value).inserted { candidates[name, default: []].append(value) }
        }
        // Values the target holds (pools) first; what valid cases sent only for parameters without a pool
        // (grammar items, free text), since a value nothing holds makes every relation trivially true.
        for parameter in spec.parameters where parameter.role == nil {
            for value in pools.values(parameter.valuePool) { add(parameter.name, value) }
        }
        func hasPool(_ name: String) -> Bool { !pools.values(spec.parameter(named: name)?.valuePool).isEmpty }
        for generated in validCases where generated.label.kind == .valid {
            let query = generated.classification.query
            for (name, value) in query.scalars.sorted(by: { $0.key < $1.key }) where !hasPool(name) { add(name, value) }
            for (name, values) in query.lists.sorted(by: { $0.key < $1.key }) where !hasPool(name) {
                values.forEach { add(name, $0) }
            }
        }
        // Bound filters are also compared at their extremes: the loosest bound the spec allows
        // against the tightest value seen (wrap-around and overflow show there).
        for filter in spec.filters where filter.op.isComparison {
            guard let parameter = spec.parameter(named: filter.param), !parameter.isList else { continue }
            add(parameter.name, String(parameter.minimum ?? spec.integer.minimum))
            add(parameter.name, String(parameter.maximum ?? spec.integer.maximum))
        }
        return candidates
    }
}
