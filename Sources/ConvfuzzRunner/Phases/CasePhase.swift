import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// Phase 5: `maxCases` generated cases from the seed (this shard's share), sent in chunks through
/// the gateway, every response checked against the case's wire-level expectation.
public struct CasePhase: Phase {
    /// The run's services.
    public let context: PhaseContext
    /// True for `--explore`'s further cases: from index `maxCases` on, until the time or request
    /// budget runs out (the same stream, cut where the budget ends).
    public let exploring: Bool

    /// Creates the phase: the fixed `maxCases` cases, or with `exploring` the cases after them.
    public init(context: PhaseContext, exploring: Bool = false) {
        self.context = context
        self.exploring = exploring
    }

    /// The phase's name.
    public var name: PhaseName { .cases }
    /// Cases do not start once the run must stop.
    public var skippedWhenStopping: Bool { true }
    /// The fixed cases always run (later phases start from their valid cases; with no response
    /// check selected they are generated, not sent); `--explore`'s further cases only for a response check.
    public var reportableChecks: Set<CheckID>? { exploring ? CheckID.responseChecks : nil }

    /// Generates, sends and checks the cases, with the input's pools and issued cursors; the payload is a ``CaseSummary``.
    ///
    /// Every case of the whole run is generated, so the walk and relation candidates (`validCases`)
    /// are the same in every shard: they follow from the plan (expected success, no cursor), never
    /// from a response another shard saw.
    ///
    /// Chunk `n + 1` is generated and sent (curl multi waits on the network) while chunk `n`'s
    /// responses are parsed and checked on every core; findings are then recorded in case order on
    /// this thread, so the result is the same at any concurrency and on any number of cores. With
    /// `--max-failures` no chunk is sent ahead, so the run stops after exactly the same requests; nor
    /// after a chunk whose bodies took over a quarter of the batch byte cap (memory stays bounded).
    public func run(_ input: PhaseInput) -> PhaseOutput {
        let discovery = input.discovery
        let known = input.known
        let configuration = context.configuration
        // Exploring needs an end: a time or request budget.
        if exploring, configuration.timeBudget == nil, configuration.settings.requestLimit == nil {
            return PhaseOutput(findings: context.findingLog(known: known))
        }
        if !exploring, !Self.sendsCases(under: context.selection) { return generatedOnly(input) }
        let spec = context.spec
        let executor = context.executor
        let oracle = context.responseOracle
        let generator = CaseGenerator(spec: spec, pools: discovery.pools)
        let seed = configuration.seed
        let shard = configuration.shard
        let first = exploring ? max(0, configuration.maxCases) : 0
        let total = exploring ? Int.max : max(0, configuration.maxCases)
        let chunk = max(16, configuration.concurrency * 4) * shard.count
        // Counted, never listed: `--max-cases` may be far more than the budget can send.
        let ownedTotal = exploring ? Int.max : shard.ownedCount(of: total)
        let cursorParam = spec.pagination.cursorParam
        var result = PhaseOutput(findings: context.findingLog(known: known))
        var summary = CaseSummary(validCases: [], coverage: exploring ? input.coverage ?? CoverageTable(spec: spec, walks: true)
                                                                      : CoverageTable(spec: spec, walks: true),
                                  cases: 0, casesByExpectation: [:])
        if !exploring { result.work.plan(.cases, total: total) }
        let sendAhead = configuration.maxFailures == nil
        let aheadByteLimit = configuration.transport.maxBatchBytes / 4
        // Under a request budget a chunk is no larger than what the phase's share has left, so every
        // case generated is sent and checked.
        @Sendable func generate(from start: Int) -> [GeneratedCase] {
            let size = min(chunk, executor.budget.phaseRemaining.map { $0 * shard.count } ?? chunk)
            return ParallelWork.map(Array(start..<min(total, start + size))) { generator.generate(seed: seed, index: $0) }
        }
        @Sendable func send(_ planned: [GeneratedCase]) -> [ObservedResponse] {
            executor.execute(planned.filter { shard.owns($0.index) }.map(\.queryString))
        }
        var index = first
        var planned = total > first ? generate(from: first) : []
        var responses: [ObservedResponse]?
        var sent = 0
        context.progress.report(.cases, done: 0, total: ownedTotal, findings: known.count)
        while index < total {
            // A chunk already sent ahead is checked before stopping.
            if responses == nil || planned.isEmpty, let reason = context.stopReason(uniqueFindings: result.findings.runUniqueCount) {
                let cut = exploring ? "explored \(sent) cases past --max-cases" : "cases cut at \(sent) of \(ownedTotal)"
                if context.runStopReason(uniqueFindings: result.findings.runUniqueCount) == nil {
                    // Only this phase's share of the request budget is spent: later phases still get theirs.
                    executor.budget.noteCut("\(cut): \(reason)")
                } else if !exploring {
                    summary.stoppedEarly = reason
                    summary.cut = "\(cut): \(reason)"
                }
                break
            }
            let current = planned
            let owned = current.filter { shard.owns($0.index) }
            let currentResponses = responses ?? send(current)
            let nextStart = index + current.count
            let check = {
                ParallelWork.map(Array(zip(owned, currentResponses))) { generated, response in
                    oracle.check(classification: generated.classification, response: response)
                }
            }
            let checks: [[Finding]]
            // Sending ahead holds two chunks' bodies at once: only while a chunk's bodies are small.
            let chunkBytes = currentResponses.reduce(0) { $0 + $1.body.count }
            // Nothing is sent ahead once the phase must stop (a chunk sent ahead is checked before stopping).
            if sendAhead, nextStart < total, chunkBytes <= aheadByteLimit,
               context.stopReason(uniqueFindings: result.findings.runUniqueCount) == nil {
                let ahead: ([GeneratedCase], [ObservedResponse])
                (checks, ahead) = ParallelWork.overlap(check) {
                    let next = generate(from: nextStart)
                    return (next, send(next))
                }
                (planned, responses) = (ahead.0, ahead.1)
            } else {
                checks = check()
                planned = nextStart < total ? generate(from: nextStart) : []
                responses = nil
            }
            for generated in current where !exploring && generated.expectation == .success
                && !generated.classification.query.has(cursorParam) {
                summary.validCases.append(generated)
            }
            for (generated, findings) in zip(owned, checks) {
                summary.cases += 1
                summary.casesByExpectation[generated.expectation.word, default: 0] += 1
                if !exploring { result.work.did(.cases, generated.index) }
                summary.coverage.record(generated)
                context.progress.announce(result.findings.record(findings, plan: generated.plan))
            }
            index = nextStart
            sent += owned.count
            context.progress.report(.cases, done: sent, total: ownedTotal, findings: result.findings.runUniqueCount)
        }
        result.payload = exploring ? .explored(summary) : .cases(summary)
        return result
    }
}

// MARK: - Check selection

extension CasePhase {
    /// True when the cases are sent: a check one response can fail is selected.
    public static func sendsCases(under selection: CheckSelection) -> Bool {
        selection.selectsAny(of: CheckID.responseChecks)
    }

    /// The phase when no response check is selected: every case of the run is generated (in the same
    /// order, from the same seed and pools) so that walks and relations start from the same valid
    /// cases, and none is sent.
    private func generatedOnly(_ input: PhaseInput) -> PhaseOutput {
        let spec = context.spec
        let generator = CaseGenerator(spec: spec, pools: input.discovery.pools)
        let seed = context.configuration.seed
        let cursorParam = spec.pagination.cursorParam
        let total = max(0, context.configuration.maxCases)
        var valid: [GeneratedCase] = []
        var start = 0
        while start < total, context.runStopReason(uniqueFindings: input.known.count) == nil {
            let end = min(total, start + 256)
            valid += ParallelWork.map(Array(start..<end)) { generator.generate(seed: seed, index: $0) }
                .filter { $0.expectation == .success && !$0.classification.query.has(cursorParam) }
            start = end
        }
        var result = PhaseOutput(findings: context.findingLog(known: input.known))
        result.payload = .cases(CaseSummary(validCases: valid, coverage: CoverageTable(spec: spec, walks: true),
                                            cases: 0, casesByExpectation: [:]))
        return result
    }
}

// MARK: - GeneratedCase

extension GeneratedCase {
    /// The plan that re-runs this case: its query, and the index and choices that regenerate it.
    public var plan: ReplayPlan {
        .generatedCase(query: queryString, index: index, choices: choices, label: label)
    }
}
