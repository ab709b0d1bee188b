import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// Phase 5: `maxCases` generated cases from the seed (this shard's share), sent in chunks through
/// the gateway, every response checked against the case's wire-level expectation; then the spec's
/// size ladders (`CasePhase+Ladders.swift`).
public struct CasePhase: Phase {
    /// The run's services.
    public let context: PhaseContext
    /// True for `--explore`'s further cases: from index `maxCases` on, until the time or request
    /// budget runs out (the same stream, cut where the budget ends).
    public let exploring: Bool

    /// With a position: the fixed cases from that position of their order on, resumed after the other
    /// families with what the request budget's confirmation share does not need (no size ladders).
    public let resumingAt: Int?

    /// With `exploring`: the case indices to send (nil: from `maxCases` on, until the budget runs out).
    /// ``ExplorePhase`` sends one window per round.
    public let window: Range<Int>?

    /// Creates the phase: the fixed `maxCases` cases, or with `exploring` the cases after them (those of
    /// `window` when given), or with `resumingAt` the fixed cases from that position on.
    public init(context: PhaseContext, exploring: Bool = false, resumingAt: Int? = nil, window: Range<Int>? = nil) {
        self.context = context
        self.exploring = exploring
        self.resumingAt = exploring ? nil : resumingAt
        self.window = exploring ? window : nil
    }

    /// The phase's name.
    public var name: PhaseName { .cases }
    /// Cases do not start once the run must stop.
    public var skippedWhenStopping: Bool { true }
    /// The fixed cases always run (later phases start from their valid cases; with no response
    /// check selected they are generated, not sent); `--explore`'s further cases only for a response check.
    public var reportableChecks: Set<CheckID>? { exploring || resumingAt != nil ? CheckID.responseChecks : nil }

    /// Generates, sends and checks the cases, with the input's pools and issued cursors; the payload is a ``CaseSummary``.
    ///
    /// Every case of the whole run is generated, so the walk and relation candidates (`validCases`)
    /// are the same in every shard: they follow from the plan (expected success, no cursor), never
    /// from a response another shard saw.
    ///
    /// Later chunks are generated and submitted to the gateway's stream (its sliding window of
    /// `--concurrency` transfers) while chunk `n`'s responses are parsed and checked on every core;
    /// findings are then recorded in case order on this thread, so the result is the same at any
    /// concurrency and on any number of cores. A stalled answer holds only its slot: the stream runs
    /// up to `lookahead` requests ahead, and no further once the uncollected bodies reach the batch
    /// byte cap (memory stays bounded). With `--max-failures` no chunk is sent ahead, so the run stops
    /// after exactly the same requests.
    public func run(_ input: PhaseInput) -> PhaseOutput {
        let discovery = input.discovery
        let known = input.known
        let configuration = context.configuration
        // Exploring needs an end: a time or request budget.
        if exploring, configuration.timeBudget == nil, configuration.settings.requestLimit == nil {
            return PhaseOutput(findings: context.findingLog(known: known))
        }
        let fixed = !exploring && resumingAt == nil
        if !Self.sendsCases(under: context.selection) {
            return fixed ? generatedOnly(input) : PhaseOutput(findings: context.findingLog(known: known))
        }
        let spec = context.spec
        let executor = context.executor
        let oracle = context.responseOracle
        let generator = CaseGenerator(spec: spec, pools: discovery.pools)
        let seed = configuration.seed
        let shard = configuration.shard
        let first = exploring ? max(0, window?.lowerBound ?? configuration.maxCases) : max(0, resumingAt ?? 0)
        let total = exploring ? max(first, window?.upperBound ?? Int.max) : max(0, configuration.maxCases)
        let chunk = max(16, configuration.concurrency * 4) * shard.count
        // Counted, never listed: `--max-cases` may be far more than the budget can send.
        let ownedTotal = exploring ? Int.max : shard.ownedCount(of: total)
        let cursorParam = spec.pagination.cursorParam
        var result = PhaseOutput(findings: context.findingLog(known: known))
        var summary = CaseSummary(validCases: [], coverage: !fixed ? input.coverage ?? CoverageTable(spec: spec, walks: true)
                                                                  : CoverageTable(spec: spec, walks: true),
                                  cases: 0, casesByExpectation: [:])
        if fixed { result.work.plan(.cases, total: total) }
        let sendAhead = configuration.maxFailures == nil
        let aheadByteLimit = configuration.transport.maxBatchBytes
        let lookahead = max(512, configuration.concurrency * 256) * shard.count
        // Under a request budget a chunk is no larger than what the phase's share has left, so every
        // case generated is sent and checked.
        // Under a request budget the fixed cases go coverage first (``CaseOrder``: one case of every class
        // and detail of the catalog, then the stream), so a budget that cuts them still sends every kind of input.
        let order = !exploring && executor.budget.limit != nil ? CaseOrder(generator: generator, seed: seed, total: total) : nil
        @Sendable func generate(from start: Int) -> [GeneratedCase] {
            let size = min(chunk, executor.budget.phaseRemaining.map { $0 * shard.count } ?? chunk)
            return ParallelWork.map(Array(start..<min(total, start + size))) {
                generator.generate(seed: seed, index: order?.index(at: $0) ?? $0)
            }
        }
        @Sendable func send(_ planned: [GeneratedCase]) -> [ObservedResponse] {
            executor.execute(planned.filter { shard.owns($0.index) }.map(\.queryString))
        }
        var index = first
        // Sending ahead: chunks are submitted to a stream (the gateway's sliding window) up to
        // `lookahead` requests and `aheadByteLimit` bytes of uncollected bodies ahead of the chunk
        // being checked, so a stalled answer holds only its own slot while later chunks go on.
        let stream = sendAhead ? executor.openStream() : nil
        var ahead: [(cases: [GeneratedCase], ticket: RequestStream.Ticket)] = []
        var nextStart = first
        func topUp(_ stream: RequestStream) {
            while nextStart < total, ahead.count * chunk < lookahead, stream.heldBytes <= aheadByteLimit,
                  context.stopReason(uniqueFindings: result.findings.runUniqueCount) == nil {
                let next = generate(from: nextStart)
                guard !next.isEmpty else { return }
                ahead.append((next, stream.submit(next.filter { shard.owns($0.index) }.map(\.queryString))))
                nextStart += next.count
            }
        }
        var sent = 0
        context.progress.report(.cases, done: 0, total: ownedTotal, findings: known.count)
        while index < total {
            if let stream { topUp(stream) }
            // A chunk already sent ahead is checked before stopping.
            if ahead.isEmpty, let reason = context.stopReason(uniqueFindings: result.findings.runUniqueCount) {
                // `--explore` says where it ended in its own report (``ExplorationReport``).
                let cut = "cases cut at \(sent + (resumingAt ?? 0)) of \(ownedTotal)"
                if exploring {
                    summary.next = index
                    break
                }
                if resumingAt != nil {
                    // One line says how far the cut cases went, whatever stopped them the second time.
                    executor.budget.replaceCut(startingWith: "cases cut at", by: "\(cut) (resumed after the other families): \(reason)")
                } else if context.runStopReason(uniqueFindings: result.findings.runUniqueCount) == nil {
                    // Only this phase's share of the request budget is spent: later phases still get theirs.
                    executor.budget.noteCut("\(cut): \(reason)")
                } else {
                    summary.stoppedEarly = reason
                    summary.cut = "\(cut): \(reason)"
                }
                summary.next = index
                break
            }
            let current: [GeneratedCase]
            let currentResponses: [ObservedResponse]
            if let stream {
                guard !ahead.isEmpty else { break }
                let taken = ahead.removeFirst()
                current = taken.cases
                currentResponses = stream.collect(taken.ticket)
                topUp(stream)
            } else {
                current = generate(from: index)
                guard !current.isEmpty else { break }
                currentResponses = send(current)
            }
            let owned = current.filter { shard.owns($0.index) }
            // Checked on every core while the stream keeps the transport busy.
            let checks = ParallelWork.map(Array(zip(owned, currentResponses))) { generated, response in
                oracle.check(classification: generated.classification, response: response)
            }
            for generated in current where resumingAt == nil && generated.expectation == .success
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
            index += current.count
            sent += owned.count
            context.progress.report(.cases, done: sent, total: ownedTotal, findings: result.findings.runUniqueCount)
        }
        // The stream ends before anything else goes through the gateway.
        stream?.close()
        if resumingAt != nil, summary.next == nil {
            executor.budget.replaceCut(startingWith: "cases cut at", by: "cases resumed after the other families: all \(ownedTotal) sent")
        }
        // The fixed cases end with the size ladders (not `--explore`'s further cases, nor resumed ones).
        if fixed {
            summary.sizeLadders = runLadders(discovery, findings: &result.findings, coverage: &summary.coverage)
        }
        result.payload = exploring ? .explored(summary) : fixed ? .cases(summary) : .resumed(summary)
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
