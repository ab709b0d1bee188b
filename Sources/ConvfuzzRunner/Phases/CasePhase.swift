import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle

/// Phase 5: `maxCases` generated cases from the seed (this shard's share), sent in chunks through
/// the gateway, every response checked against the case's wire-level expectation.
public struct CasePhase: Sendable {
    /// What the cases found.
    public struct Result: Sendable {
        /// Findings, in case order.
        public var findings: FindingLog
        /// Valid cases without a cursor, in case order, of the whole run (walks and relations start from them).
        public var validCases: [GeneratedCase]
        /// Coverage of parameter × case class.
        public var coverage: CoverageTable
        /// Cases sent.
        public var cases: Int
        /// Cases per expected outcome (`valid`, `empty`, `invalid`).
        public var casesByExpectation: [String: Int]
        /// Units (case indices) planned and done.
        public var work: WorkLog
        /// Why the phase stopped early, if it did.
        public var stoppedEarly: String?
    }

    /// The run's services.
    public let context: PhaseContext
    /// Pools and issued cursors for generation.
    public let discovery: Discovery

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Generates, sends and checks the cases; `known` are the run's signatures so far.
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
    public func run(known: Set<String> = []) -> Result {
        let configuration = context.configuration
        let spec = context.spec
        let executor = context.executor
        let oracle = context.responseOracle
        let generator = CaseGenerator(spec: spec, pools: discovery.pools)
        let seed = configuration.seed
        let shard = configuration.shard
        let total = max(0, configuration.maxCases)
        let chunk = max(16, configuration.concurrency * 4) * shard.count
        let ownedTotal = shard.owned(of: total).count
        let cursorParam = spec.pagination.cursorParam
        var result = Result(findings: FindingLog(known: known), validCases: [], coverage: CoverageTable(spec: spec, walks: true),
                            cases: 0, casesByExpectation: [:], work: WorkLog())
        result.work.plan(.cases, total: total)
        let sendAhead = configuration.maxFailures == nil
        let aheadByteLimit = configuration.transport.maxBatchBytes / 4
        @Sendable func generate(from start: Int) -> [GeneratedCase] {
            ParallelWork.map(Array(start..<min(total, start + chunk))) { generator.generate(seed: seed, index: $0) }
        }
        @Sendable func send(_ planned: [GeneratedCase]) -> [ObservedResponse] {
            executor.execute(planned.filter { shard.owns($0.index) }.map(\.queryString))
        }
        var index = 0
        var planned = total > 0 ? generate(from: 0) : []
        var responses: [ObservedResponse]?
        var sent = 0
        context.progress.report("cases", done: 0, total: ownedTotal, findings: known.count)
        while index < total {
            if let reason = context.stopReason(uniqueFindings: result.findings.runUniqueCount) {
                result.stoppedEarly = reason
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
            if sendAhead, nextStart < total, chunkBytes <= aheadByteLimit {
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
            for generated in current where generated.expectation == .success && !generated.classification.query.has(cursorParam) {
                result.validCases.append(generated)
            }
            for (generated, findings) in zip(owned, checks) {
                result.cases += 1
                result.casesByExpectation[generated.expectation.word, default: 0] += 1
                result.work.did(.cases, generated.index)
                result.coverage.record(generated)
                let fresh = result.findings.record(
                    findings,
                    origin: .generatedCase(seed: generated.seed, index: generated.index, choices: generated.choices,
                                           label: generated.label),
                    replay: .generatedCase(query: generated.queryString, index: generated.index, choices: generated.choices,
                                           label: generated.label),
                    confirm: .generatedCase(generated))
                context.progress.announce(fresh)
            }
            index = nextStart
            sent += owned.count
            context.progress.report("cases", done: sent, total: ownedTotal, findings: result.findings.runUniqueCount)
        }
        return result
    }
}
