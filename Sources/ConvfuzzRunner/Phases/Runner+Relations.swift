import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Plans metamorphic relations from the spec and walks every query they need to its end.
    func runRelations() {
        guard configuration.relationBudget > 0 else { return }
        let planner = MetamorphicPlanner(spec: spec)
        let unfiltered = [QueryItem(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        let candidates = relationCandidates()
        // Two bases: the unfiltered query, and a valid query with a filter or two, so that
        // "adding a filter gives a subset" can fail when one filter makes the target drop another.
        var plans: [RelationPlan]
        if let filtered = filteredBase(), configuration.relationBudget >= 3 {
            let share = configuration.relationBudget / 3
            plans = planner.plans(base: unfiltered, candidates: candidates, seed: configuration.seed,
                                  budget: configuration.relationBudget - share)
            plans += planner.plans(base: unfiltered + filtered, candidates: candidates, seed: configuration.seed &+ 1,
                                   budget: share)
        } else {
            plans = planner.plans(base: unfiltered, candidates: candidates, seed: configuration.seed,
                                  budget: configuration.relationBudget)
        }
        work.plan(.relations, total: plans.count)
        let shard = configuration.shard
        let owned = shard.owned(of: plans.count)
        guard !owned.isEmpty else { return }
        if configuration.verbose {
            for unit in owned { progress.note("relation [\(plans[unit].check.rawValue)] \(plans[unit].parameter): \(plans[unit].description)") }
        }
        report("relations", done: 0, total: owned.count)
        // A query several plans share is walked by every shard owning one of them (plans need complete
        // walks); its own walk checks belong to the shard owning the first plan that needs it.
        var checkedBy: [String: Int] = [:]
        for (position, plan) in plans.enumerated() {
            for query in plan.queryStrings where checkedBy[query] == nil { checkedBy[query] = position }
        }
        var unique: [String] = []
        var seen = Set<String>()
        for unit in owned {
            for query in plans[unit].queryStrings where seen.insert(query).inserted { unique.append(query) }
        }
        // Walked a few queries at a time, each walk kept only as what a relation needs (its ids, whether it
        // ended, which ids are late), so memory does not grow with the number of relations.
        var byQuery: [String: RelationWalk] = [:]
        let chunk = max(2, configuration.concurrency)
        var start = 0
        while start < unique.count && !outOfBudget() {
            let queries = Array(unique[start..<min(unique.count, start + chunk)])
            let walks = walker.run(queries.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) })
            for (query, walk) in zip(queries, walks) {
                byQuery[query] = relationWalk(walk)
                guard let first = checkedBy[query], shard.owns(first) else { continue }
                let findings = walkFindings(main: walk, companion: nil)
                record(findings, walk: walk, replay: .walk(query: query, pageSize: walk.pageSize, companion: nil)) { [self] in
                    rerunWalk(query: query, pageSize: walk.pageSize, companion: nil)
                }
            }
            start += queries.count
            report("relation walks", done: start, total: unique.count)
        }
        for (done, unit) in owned.enumerated() where !outOfBudget() {
            let plan = plans[unit]
            work.did(.relations, unit)
            let findings = evaluate(plan, walks: plan.queryStrings.compactMap { byQuery[$0] })
            statistics.relations += 1
            let fresh = ledger.record(findings, origin: .relation(description: plan.description),
                                      replay: .metamorphic(plan), confirm: .rerun { [self] in rerunMetamorphic(plan) })
            announce(fresh)
            report("relations", done: done + 1, total: owned.count)
        }
    }

    /// What a relation needs of a walk: its ids, whether it ended, and the ids the growth window calls late.
    struct RelationWalk {
        var isComplete: Bool
        var ids: Set<String>
        var late: Set<String>
    }

    /// A walk reduced to what relations need.
    func relationWalk(_ walk: Walk) -> RelationWalk {
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        return RelationWalk(isComplete: walk.isComplete, ids: Set(walk.ids),
                            late: window.lateIDs(walk.items) { parser.id(of: $0) })
    }

    /// Evaluates a plan on complete walks of its queries (silent when any walk is incomplete).
    func evaluate(_ plan: RelationPlan, walks: [RelationWalk]) -> [Finding] {
        guard walks.count == plan.queries.count, walks.allSatisfy(\.isComplete) else { return [] }
        var late = Set<String>()
        for walk in walks { late.formUnion(walk.late) }
        return plan.evaluate(sets: walks.map(\.ids), ignoring: late)
    }

    /// Re-walks a plan's queries and evaluates it again.
    func rerunMetamorphic(_ plan: RelationPlan) -> [Finding] {
        let walks = walker.run(plan.queryStrings.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) })
        return evaluate(plan, walks: walks.map(relationWalk))
    }

    /// Re-runs a stored comparison of several queries.
    func rerunRelation(kind: String, queries: [String]) -> [Finding] {
        switch kind {
        case Runner.reverseKind: return rerunReverse(queries)
        case Runner.cursorReuseKind: return rerunCursorReuse(queries)
        default: return []
        }
    }

    /// The filters of the first plain valid case that sends one or two visible filters, as decoded items.
    func filteredBase() -> [QueryItem]? {
        let visible = Set(spec.filters.filter { $0.visibility == .visible }.map(\.param))
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
