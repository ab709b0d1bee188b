import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

/// Runs a whole conformance session against one target.
///
/// Phases, in order: preflight (reachability and auth), corpus replay,
/// discovery walk (harvests pools and the growth window), generated cases,
/// filter probes (each visible filter alone, on an item's exact value, walked and
/// compared with the discovery walk), cursor walks, metamorphic relations, then confirmation (every finding is
/// re-run; what does not reproduce is flaky), shrinking and corpus writes.
/// The same seed, spec and target behaviour give the same cases in the same
/// order and the same findings, whatever the concurrency.
public final class Runner {
    let configuration: RunConfiguration
    let spec: Spec
    let baseline: Baseline
    let progress: ProgressSink
    let executor: RequestExecutor
    let deadline = RunDeadline()
    let walker: WalkDriver
    let shaper: QueryShaper
    let classifier: WireClassifier
    let responseOracle: ResponseOracle
    let walkOracle: WalkOracle
    let comparator: WalkComparator
    let evaluator: FilterEvaluator
    let parser: PageParser
    let ledger = FindingLedger()
    var statistics = RunStatistics()
    var coverage: CoverageTable
    var corpusOutcomes: [CorpusReplayOutcome] = []
    var pools: ValuePools
    var issued = CursorBook()
    var discovery: Walk?
    var windowStart: Int64?
    var validCases: [GeneratedCase] = []
    var accessRequests = 0
    var accessNotes: [String] = []
    var work = WorkLog()
    let startTime: Double
    let startedAt = Clock.isoNow()
    /// What another thread may read while the run goes on (see `resultSoFar`).
    let published = PublishedStatistics()

    /// Creates a runner.
    public init(configuration: RunConfiguration, baseline: Baseline = Baseline(), progress: ProgressSink = SilentProgress()) {
        self.configuration = configuration
        startTime = configuration.startInstant ?? Clock.monotonic()
        spec = configuration.spec
        self.baseline = baseline
        self.progress = progress
        executor = RequestExecutor(configuration: configuration, deadline: deadline)
        walker = WalkDriver(executor: executor, spec: configuration.spec, maxPages: configuration.maxWalkPages)
        shaper = QueryShaper(spec: configuration.spec)
        classifier = WireClassifier(spec: configuration.spec)
        responseOracle = ResponseOracle(spec: configuration.spec)
        walkOracle = WalkOracle(spec: configuration.spec)
        comparator = WalkComparator(spec: configuration.spec)
        evaluator = FilterEvaluator(spec: configuration.spec)
        parser = PageParser(spec: configuration.spec)
        coverage = CoverageTable(spec: configuration.spec, walks: true)
        pools = ValuePools(profile: configuration.profile)
    }

    /// Runs every phase and returns the result; throws when the target cannot be judged.
    public func run() throws(RunAbort) -> RunResult {
        startExploration()
        try preflight()
        if let directory = configuration.corpusDirectory { CorpusStore(directory: directory).sweepTemporaries() }
        if configuration.replayCorpus, let directory = configuration.corpusDirectory {
            try replayCorpus(directory: directory)
        }
        discover()
        try checkAccess()
        if !outOfBudget() { runCases() }
        if !outOfBudget() { runFilterProbes() }
        if !outOfBudget() { runWalks() }
        if !outOfBudget() { runRelations() }
        try requireSomethingTested()
        startConfirmation()
        var reported = confirmAndStore()
        statistics.requests = executor.requests + accessRequests
        statistics.retries = executor.retried
        reported += retryNotices()
        statistics.seconds = Clock.monotonic() - startTime
        return result(statistics: statistics, findings: reported)
    }

    /// The result of the run with these statistics and findings.
    func result(statistics: RunStatistics, findings reported: [ReportedFinding]) -> RunResult {
        var result = RunResult(
            specName: spec.name, specRevision: spec.revision, specFingerprint: spec.fingerprint,
            seed: configuration.seed, target: configuration.target, endpoint: configuration.endpointURL,
            authHeader: spec.auth.header, apiKeyEnv: configuration.apiKeyEnv, authenticated: configuration.apiKey != nil,
            startedAt: startedAt, statistics: statistics, findings: reported,
            coverageRows: coverageRows(), coverageGaps: coverage.gaps.map { "\($0.parameter) × \($0.cellClass)" },
            corpusReplay: corpusOutcomes, settings: RunSettings(configuration), traffic: executor.traffic.summary(),
            targetIdentity: configuration.targetIdentity, shard: configuration.shard, work: work)
        if executor.keyRefusal != nil { result.abortReason = executor.stopReason }
        result.secondKeyEnv = configuration.secondKey == nil ? nil : configuration.secondKeyEnv
        result.authNotes = accessNotes
        return result
    }

    /// The coverage table as rows per parameter.
    func coverageRows() -> [CoverageRow] {
        var rows: [String: [String: Int]] = [:]
        for cell in coverage.report.cells { rows[cell.parameter, default: [:]][cell.cellClass] = cell.count }
        return rows.keys.sorted().map { CoverageRow(parameter: $0, counts: rows[$0] ?? [:]) }
    }

    // MARK: Budgets and progress

    /// True when the time budget or the failure budget is spent; records why once.
    func outOfBudget() -> Bool {
        if statistics.interruptedBy == nil, let signal = configuration.stop?.signal {
            statistics.interruptedBy = signal
            statistics.stoppedEarly = "interrupted by \(signal)"
            return true
        }
        if statistics.stoppedEarly != nil { return true }
        if let reason = deadlineStopReason {
            statistics.stoppedEarly = reason
            return true
        }
        if let limit = configuration.maxFailures, ledger.count >= limit {
            statistics.stoppedEarly = "reached --max-failures \(limit)"
            return true
        }
        return false
    }

    func report(_ phase: String, done: Int, total: Int) {
        executor.traffic.enter(phase)
        published.store(statistics)
        let elapsed = Clock.monotonic() - startTime
        let requests = executor.requests
        let rate = elapsed > 0 ? Double(requests) / elapsed : 0
        // The ETA is the sink's: it times each phase on its own.
        progress.update(ProgressSnapshot(phase: phase, done: done, total: total, findings: ledger.count, requests: requests,
                                         requestsPerSecond: rate, eta: nil))
    }

    /// Requests sent so far, readable from any thread (for progress lines).
    public var requestsSoFar: Int { executor.requests }

    func announce(_ findings: [Finding]) {
        for finding in ledger.unannounced(findings) {
            progress.note("finding: [\(finding.check.rawValue)] \(finding.parameter.map { "\($0): " } ?? "")\(finding.message)")
        }
    }
}
