import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// `--explore`: what a time or request budget leaves once the fixed plan ran (and the fixed cases a
/// budget cut were resumed), spent on new ground in rounds until the budget runs out.
///
/// Round `r` (from 0) sends, in this order:
/// 1. the cases of indices `maxCases + r × casesPerRound ..< maxCases + (r + 1) × casesPerRound` of the
///    seed's one case stream (so the first cases are those of a run without `--explore`);
/// 2. the next step of each size ladder the target still answered at its last step (one the budget cut
///    goes on where it stopped; one that reached its ceiling doubles on, up to
///    ``SizeLadder/exploreCeilingFactor`` times the floor);
/// 3. cursor walks (each with its companion at another page size) of up to ``walksPerRound`` of the
///    round's valid cases, those whose combination of filters no walk has used yet first, then those
///    whose query no walk has sent;
/// 4. up to ``relationsPerRound`` relation plans the run has not evaluated, planned by the spec's
///    ``MetamorphicPlanner`` from the round's seed (``SeedStream/exploreRelations``, derived with the
///    round) over a base of the round's first filtered valid case, then over the unfiltered base.
///
/// Everything follows from the seed, the spec and the target's answers; a budget only decides where
/// the stream is cut (a walk the request budget cuts ends unjudged, as in every phase), so the same
/// seed and bound send the same requests at any `--concurrency`. Exploration ends when the budget or
/// the deadline does, or when a round sends nothing. Each round ends with a ``RunCheckpoint``.
public struct ExplorePhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Cases per round.
    public static let casesPerRound = 200
    /// Walk samples per round (each walked at two page sizes).
    public static let walksPerRound = 4
    /// Relation plans per round.
    public static let relationsPerRound = 6

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name (its share of a request budget).
    public var name: PhaseName { .explore }
    /// Exploration does not start once the run must stop.
    public var skippedWhenStopping: Bool { true }
    /// Responses, walks and relations.
    public var reportableChecks: Set<CheckID>? { CheckID.walkChecks.union(CheckID.all(in: .relation)) }

    /// What the fixed plan already used, and what exploration adds as it goes.
    private struct Ground {
        /// Filter combinations walked (sorted filter names, joined).
        var combinations: Set<String> = []
        /// Queries walked.
        var queries: Set<String> = []
        /// Relation plans evaluated (check and queries).
        var relations: Set<String> = []
    }

    /// Runs rounds until the budget, the deadline or the new ground ends; the payload is an ``ExplorationOutcome``.
    public func run(_ input: PhaseInput) -> PhaseOutput {
        let configuration = context.configuration
        let executor = context.executor
        var result = PhaseOutput(findings: context.findingLog(known: input.known))
        var outcome = ExplorationOutcome(report: ExplorationReport(),
                                         coverage: input.coverage ?? CoverageTable(spec: context.spec, walks: true),
                                         casesByExpectation: [:], checkpoints: [], sizeLadders: input.sizeLadders)
        // Exploring needs an end: a time or request budget.
        guard configuration.timeBudget != nil || configuration.settings.requestLimit != nil else { return result }
        var ground = fixedGround(input)
        let ladders = furtherLadders(input, outcome: &outcome)
        let first = max(0, configuration.maxCases)
        func stopReason() -> String? { context.stopReason(uniqueFindings: result.findings.runUniqueCount) }
        var round = 0
        while stopReason() == nil, first <= Int.max - (round + 1) * Self.casesPerRound {
            let before = executor.requests
            outcome.report.rounds = round + 1
            let window = (first + round * Self.casesPerRound)..<(first + (round + 1) * Self.casesPerRound)
            let valid = cases(window, input: input, into: &result, outcome: &outcome)
            if stopReason() == nil { climb(ladders, input: input, into: &result, outcome: &outcome) }
            if stopReason() == nil { walk(valid, ground: &ground, input: input, into: &result, outcome: &outcome) }
            if stopReason() == nil { relate(valid, round: round, ground: &ground, input: input, into: &result, outcome: &outcome) }
            outcome.checkpoints.append(RunCheckpoint(after: "\(PhaseName.explore.rawValue) \(round + 1)", requests: executor.requests,
                                                     seconds: context.clock.elapsed, coverageCells: outcome.coverage.coveredCells,
                                                     findings: result.findings.runUniqueCount - input.known.count))
            context.progress.report(.explore, done: round + 1, total: round + 2, findings: result.findings.runUniqueCount)
            if executor.requests == before {
                outcome.report.endedBy = "no further ground (round \(round + 1) sent nothing)"
                break
            }
            round += 1
        }
        if outcome.report.endedBy == nil { outcome.report.endedBy = stopReason() }
        result.payload = .exploration(outcome)
        return result
    }

    // MARK: Steps

    /// Sends the cases of `window` (or only generates them when no response check is selected) and
    /// returns the valid ones without a cursor, in case order.
    private func cases(_ window: Range<Int>, input: PhaseInput, into result: inout PhaseOutput,
                       outcome: inout ExplorationOutcome) -> [GeneratedCase] {
        guard CasePhase.sendsCases(under: context.selection) else {
            let generator = CaseGenerator(spec: context.spec, pools: input.discovery.pools)
            let seed = context.configuration.seed
            let cursorParam = context.spec.pagination.cursorParam
            return ParallelWork.map(Array(window)) { generator.generate(seed: seed, index: $0) }
                .filter { $0.expectation == .success && !$0.classification.query.has(cursorParam) }
        }
        var caseInput = input
        caseInput.coverage = outcome.coverage
        caseInput.known = result.findings.allSignatures
        let output = CasePhase(context: context, exploring: true, window: window).run(caseInput)
        result.findings.merge(output.findings)
        guard case .explored(let summary) = output.payload else { return [] }
        outcome.coverage = summary.coverage
        outcome.report.cases += summary.cases
        for (word, count) in summary.casesByExpectation { outcome.casesByExpectation[word, default: 0] += count }
        return summary.validCases
    }

    /// This shard's size ladders up to ``SizeLadder/exploreCeilingFactor`` times the floor (their first
    /// steps are the fixed ladders'), and the run's outcomes with one for every such ladder.
    private func furtherLadders(_ input: PhaseInput, outcome: inout ExplorationOutcome) -> [SizeLadder] {
        guard CasePhase.sendsCases(under: context.selection) else { return [] }
        let all = SizeLadder.ladders(spec: context.spec, pools: input.discovery.pools, ceilingFactor: SizeLadder.exploreCeilingFactor)
        let owned = context.configuration.shard.owned(of: all.count).map { all[$0] }
        for ladder in owned where !outcome.sizeLadders.contains(where: { $0.parameter == ladder.parameter }) {
            outcome.sizeLadders.append(SizeLadderOutcome(parameter: ladder.parameter))
        }
        return owned
    }

    /// Sends the next step of every ladder still going: a ladder the fixed plan climbed to its ceiling
    /// goes one rung higher, one the budget cut goes on where it stopped. Each step is judged like a fixed
    /// ladder's; a ladder whose step is refused by size or not answered goes no further.
    private func climb(_ ladders: [SizeLadder], input: PhaseInput, into result: inout PhaseOutput,
                       outcome: inout ExplorationOutcome) {
        let spec = context.spec
        let going = ladders.compactMap { ladder -> (ladder: SizeLadder, slot: Int)? in
            guard let slot = outcome.sizeLadders.firstIndex(where: { $0.parameter == ladder.parameter }) else { return nil }
            let sent = outcome.sizeLadders[slot]
            guard !sent.stopped, sent.steps < ladder.steps.count else { return nil }
            if let last = sent.spans.last, SizeLadder.stops(spec, status: Int(last.answer), transportFailed: last.answer.hasPrefix("no answer"),
                                                              requestBytes: last.toBytes) { return nil }
            return (ladder, slot)
        }
        guard !going.isEmpty else { return }
        let replayer = Replayer(context: context, discovery: input.discovery)
        let steps = going.map { $0.ladder.steps[outcome.sizeLadders[$0.slot].steps] }
        let plans = steps.map { ReplayPlan.request(query: $0.query) }
        for ((ladder, slot), (step, (plan, observation))) in zip(going, zip(steps, zip(plans, replayer.observe(plans)))) {
            guard case .response(let response) = observation, !response.wasSkipped else { continue }
            outcome.coverage.recordLadderStep(parameter: ladder.parameter)
            outcome.report.ladderSteps += 1
            let answer = response.transportFailure.map { "no answer (\($0.rawValue))" } ?? response.status.map(String.init) ?? "no answer"
            outcome.sizeLadders[slot].add(answer: answer, requestBytes: step.requestBytes)
            if SizeLadder.stops(spec, status: response.status, transportFailed: response.transportFailure != nil, requestBytes: step.requestBytes) {
                outcome.sizeLadders[slot].stopped = true
            }
            context.progress.announce(result.findings.record(replayer.judge(plan, observation), plan: plan))
        }
    }

    /// Walks up to ``walksPerRound`` of `valid` (this shard's share), new filter combinations first, each
    /// with its companion at another page size, and judges them as the walk phase does.
    private func walk(_ valid: [GeneratedCase], ground: inout Ground, input: PhaseInput, into result: inout PhaseOutput,
                      outcome: inout ExplorationOutcome) {
        guard context.selection.selectsAny(in: .walk) else { return }
        let phase = WalkPhase(context: context)
        let candidates = valid.map { (combination: combination($0), plan: phase.plan($0)) }
        var chosen: [WalkPlan] = []
        for candidate in candidates where chosen.count < Self.walksPerRound && !ground.combinations.contains(candidate.combination) {
            guard ground.queries.insert(candidate.plan.query).inserted else { continue }
            ground.combinations.insert(candidate.combination)
            chosen.append(candidate.plan)
        }
        for candidate in candidates where chosen.count < Self.walksPerRound {
            if ground.queries.insert(candidate.plan.query).inserted { chosen.append(candidate.plan) }
        }
        let mains = context.configuration.shard.owned(of: chosen.count).map { chosen[$0] }
        guard !mains.isEmpty else { return }
        let companions = mains.map(phase.companion)
        let walks = context.slimWalker.run(zip(mains, companions).flatMap { [$0, $1] })
        let replayer = Replayer(context: context, discovery: input.discovery)
        for offset in mains.indices where !context.stopsJudging(uniqueFindings: result.findings.runUniqueCount) {
            let pair = [walks[2 * offset], walks[2 * offset + 1]]
            result.tally.count(pair[0], pair[1])
            outcome.report.walks += pair.filter(\.isComplete).count
            phase.record(.walk(query: mains[offset].query, pageSize: pair[0].pageSize, companion: companions[offset].query),
                         .walks(pair), replayer, in: &result)
        }
    }

    /// Evaluates up to ``relationsPerRound`` relation plans of round `round` that the run has not evaluated.
    private func relate(_ valid: [GeneratedCase], round: Int, ground: inout Ground, input: PhaseInput,
                        into result: inout PhaseOutput, outcome: inout ExplorationOutcome) {
        let configuration = context.configuration
        let selection = context.selection
        guard configuration.relationBudget > 0, selection.selectsAny(in: .relation) else { return }
        let spec = context.spec
        let phase = RelationPhase(context: context)
        var relationInput = input
        relationInput.validCases = input.validCases + valid
        let candidates = phase.relationCandidates(relationInput)
        let planner = MetamorphicPlanner(spec: spec)
        let unfiltered = [QueryItem(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        let seed = SplitMix64.derive(seed: SeedStream.exploreRelations.seed(configuration.seed), index: UInt64(round))
        let wanted = 4 * Self.relationsPerRound
        var plans = phase.filteredBase(valid).map {
            planner.plans(base: unfiltered + $0, candidates: candidates, seed: seed, budget: wanted)
        } ?? []
        plans += planner.plans(base: unfiltered, candidates: candidates, seed: SplitMix64.derive(seed: seed, index: 1), budget: wanted)
        var fresh: [RelationPlan] = []
        for plan in plans where fresh.count < Self.relationsPerRound && selection.contains(plan.check) {
            if ground.relations.insert(Self.key(plan)).inserted { fresh.append(plan) }
        }
        guard !fresh.isEmpty else { return }
        relationInput.known = result.findings.allSignatures
        let output = phase.evaluate(fresh, input: relationInput, countsUnits: false)
        result.findings.merge(output.findings)
        result.tally.add(output.tally)
        outcome.report.relations += output.evaluated
    }

    // MARK: Ground already covered

    /// The filter combinations and queries of the fixed walk sample, and the fixed relation plans.
    private func fixedGround(_ input: PhaseInput) -> Ground {
        var ground = Ground()
        let walkPhase = WalkPhase(context: context)
        for generated in WalkPhase.sample(context.configuration.walkSample, of: input.validCases) {
            ground.combinations.insert(combination(generated))
            ground.queries.insert(walkPhase.plan(generated).query)
        }
        for plan in RelationPhase(context: context).plans(input) { ground.relations.insert(Self.key(plan)) }
        return ground
    }

    /// The filters a case sends, as one key (sorted names).
    private func combination(_ generated: GeneratedCase) -> String {
        let filters = Set(context.spec.filters.map(\.param))
        return generated.classification.query.parameterNames.filter(filters.contains).joined(separator: "&")
    }

    /// A relation plan's identity: its check and the queries it compares.
    private static func key(_ plan: RelationPlan) -> String {
        ([plan.check.rawValue] + plan.queryStrings).joined(separator: "\n")
    }
}
