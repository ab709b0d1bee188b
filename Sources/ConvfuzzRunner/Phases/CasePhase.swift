import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle

/// Phase 4: `maxCases` generated cases from the seed, sent in chunks through the gateway, every
/// response checked against the case's wire-level expectation.
public struct CasePhase: Sendable {
    /// What the cases found.
    public struct Result: Sendable {
        /// Findings, in case order.
        public var findings: FindingLog
        /// Cases that were valid and passed, in case order (walks and relations start from them).
        public var validCases: [GeneratedCase]
        /// Coverage of parameter × case class.
        public var coverage: CoverageTable
        /// Cases sent, and per expected outcome.
        public var cases: Int
        /// Cases per expected outcome (`valid`, `empty`, `invalid`).
        public var casesByExpectation: [String: Int]
        /// Why the phase stopped early, if it did.
        public var stoppedEarly: String?
    }

    /// The run's services.
    public let context: PhaseContext
    /// Pools and issued cursors for generation.
    public let discovery: Discovery
    /// When to stop.
    public let budget: RunBudget

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery, budget: RunBudget) {
        self.context = context
        self.discovery = discovery
        self.budget = budget
    }

    /// Generates, sends and checks the cases.
    ///
    /// Chunk `n + 1` is generated and sent (curl multi waits on the network) while chunk `n`'s
    /// responses are parsed and checked on every core; findings are then recorded in case order on
    /// this thread, so the result is the same at any concurrency and on any number of cores. With
    /// `--max-failures` no chunk is sent ahead, so the run stops after exactly the same requests.
    public func run(known: Set<String> = []) -> Result {
        let configuration = context.configuration
        let spec = context.spec
        let executor = context.executor
        let oracle = context.responseOracle
        let generator = CaseGenerator(spec: spec, pools: discovery.pools)
        let seed = configuration.seed
        var result = Result(findings: FindingLog(known: known), validCases: [], coverage: CoverageTable(spec: spec),
                            cases: 0, casesByExpectation: [:])
        let total = max(0, configuration.maxCases)
        let chunk = max(16, configuration.concurrency * 4)
        let sendAhead = budget.maxFailures == nil
        @Sendable func generate(from start: Int) -> [GeneratedCase] {
            ParallelWork.map(Array(start..<min(total, start + chunk))) { generator.generate(seed: seed, index: $0) }
        }
        var index = 0
        var cases = total > 0 ? generate(from: 0) : []
        var responses: [ObservedResponse]?
        while index < total {
            if let reason = budget.stopReason(uniqueFindings: result.findings.runUniqueCount) {
                result.stoppedEarly = reason
                break
            }
            let current = cases
            let currentResponses = responses ?? executor.execute(current.map(\.queryString))
            let nextStart = index + current.count
            let check = { ParallelWork.map(Array(zip(current, currentResponses))) { generated, response in
                oracle.check(classification: generated.classification, response: response)
            } }
            let checks: [[Finding]]
            if sendAhead, nextStart < total {
                let ahead: ([GeneratedCase], [ObservedResponse])
                (checks, ahead) = ParallelWork.overlap(check) {
                    let next = generate(from: nextStart)
                    return (next, executor.execute(next.map(\.queryString)))
                }
                (cases, responses) = (ahead.0, ahead.1)
            } else {
                checks = check()
                cases = nextStart < total ? generate(from: nextStart) : []
                responses = nil
            }
            for ((generated, response), findings) in zip(zip(current, currentResponses), checks) {
                result.cases += 1
                result.casesByExpectation[generated.expectation.word, default: 0] += 1
                result.coverage.record(generated)
                let fresh = result.findings.record(
                    findings,
                    origin: .generatedCase(seed: generated.seed, index: generated.index, choices: generated.choices,
                                           label: generated.label),
                    replay: .generatedCase(query: generated.queryString, index: generated.index, choices: generated.choices,
                                           label: generated.label),
                    confirm: .generatedCase(generated))
                context.progress.announce(fresh)
                if generated.expectation == .success, findings.isEmpty, response.status == spec.response.status,
                   !generated.classification.query.has(spec.pagination.cursorParam) {
                    result.validCases.append(generated)
                }
            }
            index = nextStart
            context.progress.report("cases", done: index, total: total, findings: result.findings.runUniqueCount)
        }
        return result
    }
}
