import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

/// Runs a whole conformance session against one target by composing phases.
///
/// Phases, in order: ``Preflight`` (reachability and auth), ``DiscoveryPhase`` (pools, issued cursors,
/// growth window, base walk: a ``Discovery`` value), ``CorpusReplay`` (stored failures, regenerated with
/// the harvested pools), ``CasePhase``, ``FilterProbes``, ``WalkPhase``, ``RelationPhase``, then
/// ``ConfirmationPhase`` (every finding re-run; what does not reproduce is flaky), ``ShrinkingStep``,
/// the baseline (``Baseline/status(of:reproduced:)``) and ``CorpusRecording``. Each phase takes its
/// inputs as values and returns a result value; the runner merges the findings in phase order and
/// shares no mutable state with the phases. Every request goes through one ``RequestExecutor``.
/// The same seed, spec and target behaviour give the same cases in the same order and the same
/// findings, whatever the concurrency.
public final class Runner {
    /// The run's services (configuration, gateway, oracles).
    public let context: PhaseContext
    let baseline: Baseline
    let startTime = Clock.monotonic()
    let startedAt = Clock.isoNow()

    /// Creates a runner; `transport` replaces libcurl (tests use a scripted one).
    public init(configuration: RunConfiguration, baseline: Baseline = Baseline(), progress: ProgressSink = SilentProgress(),
                transport: (any RequestTransport)? = nil) {
        context = PhaseContext(configuration: configuration, transport: transport, progress: progress)
        self.baseline = baseline
    }

    private var configuration: RunConfiguration { context.configuration }
    private var spec: Spec { context.spec }
    private var budget: RunBudget {
        RunBudget(started: startTime, timeBudget: configuration.timeBudget, maxFailures: configuration.maxFailures)
    }

    /// Runs every phase and returns the result; throws when the target cannot be judged.
    public func run() throws(RunAbort) -> RunResult {
        var log = FindingLog()
        var statistics = RunStatistics()
        log.merge(try Preflight(context: context).run().findings)
        let discovered = DiscoveryPhase(context: context).run(pools: ValuePools(profile: configuration.profile),
                                                              known: log.allSignatures)
        log.merge(discovered.findings)
        let discovery = discovered.discovery
        var corpusOutcomes: [CorpusReplayOutcome] = []
        if configuration.replayCorpus, let directory = configuration.corpusDirectory {
            let replayed = try CorpusReplay(context: context, discovery: discovery)
                .run(files: CorpusStore(directory: directory).files(), known: log.allSignatures)
            corpusOutcomes = replayed.outcomes
            statistics.corpusReplayed = replayed.outcomes.count
            log.merge(replayed.findings)
        }
        var coverage = CoverageTable(spec: spec)
        var validCases: [GeneratedCase] = []
        func stop() -> Bool {
            if statistics.stoppedEarly == nil { statistics.stoppedEarly = budget.stopReason(uniqueFindings: log.count) }
            return statistics.stoppedEarly != nil
        }
        if !stop() {
            let cases = CasePhase(context: context, discovery: discovery, budget: budget).run(known: log.allSignatures)
            log.merge(cases.findings)
            coverage = cases.coverage
            validCases = cases.validCases
            statistics.cases = cases.cases
            statistics.casesByExpectation = cases.casesByExpectation
            statistics.stoppedEarly = cases.stoppedEarly
        }
        if !stop() {
            log.merge(FilterProbes(context: context, discovery: discovery).run(known: log.allSignatures).findings)
        }
        if !stop() {
            let walks = WalkPhase(context: context, discovery: discovery, validCases: validCases, budget: budget)
                .run(known: log.allSignatures)
            log.merge(walks.findings)
            statistics.stoppedEarly = walks.stoppedEarly
        }
        if !stop() {
            let relations = RelationPhase(context: context, discovery: discovery, validCases: validCases)
                .run(known: log.allSignatures)
            log.merge(relations.findings)
            statistics.relations = relations.plans.count
        }
        let reported = confirm(log, discovery: discovery, statistics: &statistics)
        let executor = context.executor
        statistics.requests = executor.requests
        statistics.retries = executor.retried
        (statistics.walks, statistics.pagesWalked) = executor.walked
        statistics.seconds = Clock.monotonic() - startTime
        return RunResult(
            specName: spec.name, specRevision: spec.revision, specFingerprint: spec.fingerprint,
            seed: configuration.seed, target: configuration.target, endpoint: configuration.endpointURL,
            authHeader: spec.auth.header, apiKeyEnv: configuration.apiKeyEnv, authenticated: configuration.apiKey != nil,
            startedAt: startedAt, statistics: statistics, findings: reported,
            coverageRows: Self.coverageRows(coverage), coverageGaps: coverage.gaps.map { "\($0.parameter) × \($0.cellClass)" },
            corpusReplay: corpusOutcomes)
    }

    /// Confirmation, shrinking, the baseline and corpus storage, as separate steps, in finding order.
    func confirm(_ log: FindingLog, discovery: Discovery, statistics: inout RunStatistics) -> [ReportedFinding] {
        let confirmed = ConfirmationPhase(context: context, discovery: discovery).run(log.ordered)
        let shrinking = ShrinkingStep(context: context, discovery: discovery)
        let recording = configuration.corpusDirectory.map { CorpusRecording(context: context, directory: $0, startedAt: startedAt) }
        return confirmed.map { item in
            let entry = item.entry
            var finding = entry.finding
            var replay = entry.replay
            var shrinkSummary: ShrinkSummary?
            if item.reproduced, case .generatedCase(let generated) = entry.confirm, configuration.shrinkBudget > 0 {
                if statistics.stoppedEarly == nil { statistics.stoppedEarly = budget.stopReason(uniqueFindings: log.count) }
                if statistics.stoppedEarly == nil {
                    let outcome = shrinking.shrink(generated, finding: finding, replay: replay)
                    finding = outcome.finding
                    replay = outcome.replay
                    shrinkSummary = outcome.summary
                }
            }
            let status = baseline.status(of: finding.signature, reproduced: item.reproduced)
            var corpusFile: String?
            if entry.isCorpusRegression, case .corpus(let file) = entry.origin {
                corpusFile = file
            } else if status == .new, let recording {
                corpusFile = recording.store(finding, replay: replay)
            }
            return ReportedFinding(finding: finding, status: status, occurrences: entry.occurrences, origin: entry.origin,
                                   reproduction: replay.queries, shrink: shrinkSummary, corpusFile: corpusFile)
        }
    }

    /// The coverage table as rows per parameter.
    static func coverageRows(_ coverage: CoverageTable) -> [CoverageRow] {
        var rows: [String: [String: Int]] = [:]
        for cell in coverage.report.cells { rows[cell.parameter, default: [:]][cell.cellClass] = cell.count }
        return rows.keys.sorted().map { CoverageRow(parameter: $0, counts: rows[$0] ?? [:]) }
    }

    // MARK: Partial runs

    /// Replays corpus files without a full run: preflight, discovery, then each entry. Used by `convfuzz replay`.
    public func replayFiles(_ files: [String]) throws(RunAbort) -> [CorpusReplayOutcome] {
        _ = try Preflight(context: context).run()
        let discovery = DiscoveryPhase(context: context).run(pools: ValuePools(profile: configuration.profile)).discovery
        let replay = CorpusReplay(context: context, discovery: discovery)
        var outcomes: [CorpusReplayOutcome] = []
        for file in files {
            outcomes.append(replay.replay(try CorpusReplay.load(file), file: file).outcome)
        }
        return outcomes
    }
}
