import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Phase 8: metamorphic relations planned from the spec (``MetamorphicPlanner``), every query they
/// need walked to its end, each plan evaluated on the walks' id sets.
public struct RelationPhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name.
    public var name: PhaseName { .relations }
    /// Relations do not start once the run must stop.
    public var skippedWhenStopping: Bool { true }
    /// Runs for a selected relation check (`CF-META-*`); the walks it shares are checked as walks too.
    public var reportableChecks: Set<CheckID>? { Set(CheckID.all(in: .relation)) }

    /// Every plan of the whole run, in order (a shard evaluates its share), from the input's pools and valid cases.
    public func plans(_ input: PhaseInput) -> [RelationPlan] {
        let configuration = context.configuration
        let spec = context.spec
        guard configuration.relationBudget > 0 else { return [] }
        let planner = MetamorphicPlanner(spec: spec)
        let unfiltered = [QueryItem(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        let candidates = relationCandidates(input)
        // Two bases: the unfiltered query, and a valid query with a filter or two, so that
        // "adding a filter gives a subset" can fail when one filter makes the target drop another.
        if let filtered = filteredBase(input.validCases), configuration.relationBudget >= 3 {
            let share = configuration.relationBudget / 3
            return planner.plans(base: unfiltered, candidates: candidates, seed: SeedStream.relations.seed(configuration.seed),
                                 budget: configuration.relationBudget - share)
                + planner.plans(base: unfiltered + filtered, candidates: candidates,
                                seed: SeedStream.filteredRelations.seed(configuration.seed), budget: share)
        }
        return planner.plans(base: unfiltered, candidates: candidates, seed: SeedStream.relations.seed(configuration.seed),
                             budget: configuration.relationBudget)
    }

    /// Walks and evaluates this shard's plans, judged against the input's discovery.
    public func run(_ input: PhaseInput) -> PhaseOutput {
        guard context.configuration.relationBudget > 0 else {
            return PhaseOutput(findings: context.findingLog(known: input.known), payload: .relations(evaluated: 0))
        }
        // Only the plans of selected checks are walked; they are the plans a run of every check makes.
        let selection = context.selection
        return evaluate(plans(input).filter { selection.contains($0.check) }, input: input, countsUnits: true)
    }

    /// Walks and evaluates this shard's share of `plans`, judged against the input's discovery; with
    /// `countsUnits` each plan is a work unit (`--shard`, `convfuzz merge`), as the fixed plans are.
    func evaluate(_ plans: [RelationPlan], input: PhaseInput, countsUnits: Bool) -> PhaseOutput {
        let configuration = context.configuration
        let known = input.known
        var result = PhaseOutput(findings: context.findingLog(known: known), payload: .relations(evaluated: 0))
        if countsUnits { result.work.plan(.relations, total: plans.count) }
        let shard = configuration.shard
        let owned = shard.owned(of: plans.count)
        guard !owned.isEmpty else { return result }
        func stop() -> Bool { context.stopReason(uniqueFindings: result.findings.runUniqueCount) != nil }
        if configuration.verbose {
            for unit in owned {
                context.progress.note("relation [\(plans[unit].check.rawValue)] \(plans[unit].parameter): \(plans[unit].description)")
            }
        }
        context.progress.report(.relations, done: 0, total: owned.count, findings: known.count)
        // Under a request budget the plans go cheapest first (``RelationOrder``), so a small budget evaluates the most.
        let cost = context.executor.budget.limit == nil ? nil : WalkCost(context: context, discovery: input.discovery)
        let order = cost.map { RelationOrder(spec: context.spec, cost: $0).order(owned.map { plans[$0] }).map { owned[$0] } } ?? Array(owned)
        // A query several plans share is walked by every shard owning one of them (plans need complete
        // walks); its own walk checks belong to the shard owning the first plan that needs it.
        var checkedBy: [String: Int] = [:]
        for (position, plan) in plans.enumerated() {
            for query in plan.queryStrings where checkedBy[query] == nil { checkedBy[query] = position }
        }
        var unique: [String] = []
        var seen = Set<String>()
        for unit in order {
            for query in plans[unit].queryStrings where seen.insert(query).inserted { unique.append(query) }
        }
        // Walked through the gateway's window (a stalled page holds only its own walk), each walk kept only as
        // what a relation needs (its ids, whether it ended, which ids are late), so memory does not grow with
        // the number of relations.
        let replayer = Replayer(context: context, discovery: input.discovery)
        var byQuery: [String: Replayer.RelationWalk] = [:]
        let walkPlans = unique.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0)) }
        let estimates = cost.map { cost in walkPlans.map { cost.pages($0.pairs) } }
        // With --max-failures a walk starts only once the one before it is judged (the same requests every time).
        let window = configuration.maxFailures == nil ? max(2, configuration.concurrency) : 1
        // Every walk's requests count toward "relation walks" whatever the window (the concurrency).
        context.progress.report(.relationWalks, done: 0, total: unique.count, findings: result.findings.runUniqueCount)
        context.slimWalker.stream(walkPlans, estimates: estimates, window: window, shouldStop: stop) { position, walk in
            context.progress.report(.relationWalks, done: position + 1, total: unique.count, findings: result.findings.runUniqueCount)
            guard !walk.pages.isEmpty else { return }
            let query = unique[position]
            byQuery[query] = replayer.relationWalk(walk)
            guard let first = checkedBy[query], shard.owns(first) else { return }
            let plan = ReplayPlan.walk(query: query, pageSize: walk.pageSize, companion: nil)
            result.tally.count(walk)
            context.progress.announce(result.findings.record(replayer.judge(plan, .walks([walk])), plan: plan))
        }
        // Judging sends nothing: a spent budget share does not stop it, a signal or --max-failures does.
        var evaluated = 0
        for (done, unit) in order.enumerated() where !context.stopsJudging(uniqueFindings: result.findings.runUniqueCount) {
            let relation = plans[unit]
            let walks = relation.queryStrings.compactMap { byQuery[$0] }
            guard walks.count == relation.queryStrings.count else { continue }
            if countsUnits { result.work.did(.relations, unit) }
            let plan = ReplayPlan.metamorphic(relation)
            let findings = replayer.judge(plan, .relationWalks(walks))
            evaluated += 1
            result.payload = .relations(evaluated: evaluated)
            context.progress.announce(result.findings.record(findings, plan: plan))
            context.progress.report(.relations, done: done + 1, total: owned.count, findings: result.findings.runUniqueCount)
        }
        return result
    }

    // MARK: Planning

    /// The filters of the first plain valid case that sends one or two visible filters, as decoded items.
    func filteredBase(_ validCases: [GeneratedCase]) -> [QueryItem]? {
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

    /// Realistic values per parameter for relations: what the target holds (pools) first; what valid
    /// cases sent only for parameters without a pool (grammar items, free text), since a value nothing
    /// holds makes every relation trivially true; bound filters also at their extremes.
    public func relationCandidates(_ input: PhaseInput) -> [String: [String]] {
        let spec = context.spec
        let pools = input.discovery.pools
        let validCases = input.validCases
        var candidates: [String: [String]] = [:]
        var seen: [String: Set<String>] = [:]
        func add(_ name: String, _ value: String) {
            if seen[name, default: []].insert(value).inserted { candidates[name, default: []].append(value) }
        }
        for parameter in spec.parameters where parameter.role == nil {
            for value in pools.values(parameter.valuePool) { add(parameter.name, value) }
        }
        func hasPool(_ name: String) -> Bool { !pools.values(spec.parameter(named: name)?.valuePool).isEmpty }
        /// Ids the target holds, per grammar filter whose id field has a pool: an item naming another
        /// id is left out, as any value nothing holds.
        var heldIDs: [String: (grammar: GrammarSpec, field: String, ids: Set<String>)] = [:]
        for filter in spec.filters where filter.op == .grammar {
            guard let grammar = filter.grammar.flatMap({ spec.grammars[$0] }), let field = filter.grammarIDField(in: grammar),
                  let ids = grammar.field(named: field)?.pool.map({ Set(pools.values($0)) }), !ids.isEmpty else { continue }
            heldIDs[filter.param] = (grammar, field, ids)
        }
        func held(_ name: String, _ value: String) -> Bool {
            guard let known = heldIDs[name] else { return true }
            return GrammarSplitter.item(value, grammar: known.grammar)[known.field].map(known.ids.contains) ?? false
        }
        for generated in validCases where generated.label.kind == .valid {
            let query = generated.classification.query
            for (name, value) in query.scalars.sorted(by: { $0.key < $1.key }) where !hasPool(name) && held(name, value) {
                add(name, value)
            }
            for (name, values) in query.lists.sorted(by: { $0.key < $1.key }) where !hasPool(name) {
                values.filter { held(name, $0) }.forEach { add(name, $0) }
            }
        }
        // The loosest bound the spec allows against the tightest value seen (wrap-around and overflow show there).
        for filter in spec.filters where filter.op.isComparison {
            guard let parameter = spec.parameter(named: filter.param), !parameter.isList else { continue }
            add(parameter.name, String(parameter.minimum ?? spec.integer.minimum))
            add(parameter.name, String(parameter.maximum ?? spec.integer.maximum))
        }
        return candidates
    }
}
