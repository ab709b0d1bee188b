import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

/// Runs a whole conformance session against one target by composing phases.
///
/// Phases, in order: ``Preflight`` (reachability and auth), ``DiscoveryPhase`` (pools, issued cursors,
/// growth window, base walk: a ``Discovery`` value), ``CorpusReplay`` (stored failures, regenerated with
/// the harvested pools), ``AccessPhase`` (auth variants, tenancy), ``CasePhase``, ``FilterProbes``,
/// ``WalkPhase``, ``RelationPhase``, then per finding ``ConfirmationPhase`` (re-run once; what does not
/// reproduce is flaky), ``ShrinkingStep``, the baseline and ``CorpusRecording``. Each phase takes its
/// inputs as values and returns a result value; the runner merges the findings in phase order and
/// shares no mutable state with the phases. Every request goes through one ``RequestExecutor``.
/// The same seed, spec and target behaviour give the same cases in the same order and the same
/// findings, whatever the concurrency and the number of cores.
public final class Runner: @unchecked Sendable {
    // Immutable after init; `published` is locked. `@unchecked Sendable` so that another thread can
    // call `resultSoFar(signal:)` and `requestsSoFar` while `run()` goes on.
    /// The run's services (configuration, clock, gateway, oracles).
    public let context: PhaseContext
    private let baseline: Baseline
    private let startedAt = Clock.isoNow()
    private let published: PublishedSnapshot

    /// Creates a runner; `transport` replaces libcurl (tests use a scripted one).
    public init(configuration: RunConfiguration, baseline: Baseline = Baseline(), progress: ProgressSink = SilentProgress(),
                transport: (any RequestTransport)? = nil) {
        context = PhaseContext(configuration: configuration, transport: transport, progress: progress)
        self.baseline = baseline
        published = PublishedSnapshot(RunSnapshot(coverage: CoverageTable(spec: configuration.spec, walks: true)))
    }

    private var configuration: RunConfiguration { context.configuration }
    private var spec: Spec { context.spec }
    private var executor: RequestExecutor { context.executor }

    /// Requests sent so far, readable from any thread (for progress lines).
    public var requestsSoFar: Int { executor.requests }

    // MARK: Running

    /// Runs every phase and returns the result; throws when the target cannot be judged.
    public func run() throws(RunAbort) -> RunResult {
        var state = published.current
        var log = FindingLog()
        var tally = WalkTally()
        /// Merges a phase's findings, units and judged walks into the run, in phase order, and publishes the state.
        func take(_ findings: FindingLog, work: WorkLog = WorkLog(), walks: WalkTally = WalkTally()) {
            log.merge(findings)
            state.work.merge(work)
            tally.add(walks)
            publish(&state, tally: tally)
        }
        context.deadline.reset(at: context.clock.explorationEnd)
        take(try Preflight(context: context).run())
        if let directory = configuration.corpusDirectory { CorpusStore(directory: directory).sweepTemporaries() }
        var discovery: Discovery
        do {
            let discovered = DiscoveryPhase(context: context).run(pools: ValuePools(profile: configuration.profile),
                                                                  known: log.allSignatures)
            take(discovered.findings, walks: discovered.tally)
            discovery = discovered.discovery
        }
        if configuration.replayCorpus, let directory = configuration.corpusDirectory {
            let replayed = try CorpusReplay(context: context, discovery: discovery)
                .run(files: CorpusStore(directory: directory).files(), known: log.allSignatures)
            state.corpusOutcomes = replayed.outcomes
            state.statistics.corpusReplayed = replayed.outcomes.count
            take(replayed.findings, work: replayed.work, walks: replayed.tally)
        }
        let access = try AccessPhase(context: context, discovery: discovery).run(known: log.allSignatures)
        state.accessNotes = access.notes
        take(access.findings, walks: access.tally)
        func stop() -> Bool { stopped(&state.statistics, log: log) }
        var validCases: [GeneratedCase] = []
        if !stop() {
            let cases = CasePhase(context: context, discovery: discovery).run(known: log.allSignatures)
            state.coverage = cases.coverage
            validCases = cases.validCases
            state.statistics.cases = cases.cases
            state.statistics.casesByExpectation = cases.casesByExpectation
            if state.statistics.stoppedEarly == nil { state.statistics.stoppedEarly = cases.stoppedEarly }
            take(cases.findings, work: cases.work)
        }
        if !stop() {
            let probes = FilterProbes(context: context, discovery: discovery).run(known: log.allSignatures)
            take(probes.findings, work: probes.work, walks: probes.tally)
        }
        if !stop() {
            let walks = WalkPhase(context: context, discovery: discovery, validCases: validCases).run(known: log.allSignatures)
            for size in walks.coveredPageSizes { state.coverage.recordWalk(pageSize: size) }
            take(walks.findings, work: walks.work, walks: walks.tally)
        }
        if !stop() {
            let relations = RelationPhase(context: context, discovery: discovery, validCases: validCases)
                .run(known: log.allSignatures)
            state.statistics.relations = relations.evaluated
            take(relations.findings, work: relations.work, walks: relations.tally)
        }
        // A phase cut by the deadline, a halt, a signal or --max-failures stops quietly: record why here.
        _ = stop()
        try requireSomethingTested(state.statistics)
        context.deadline.reset(at: context.clock.runEnd)
        executor.clearDeadlineStop()
        var reported = confirm(log, discovery: &discovery, statistics: &state.statistics, tally: &tally)
        state.statistics.requests = executor.requests
        state.statistics.retries = executor.retried
        state.statistics.walks = tally.walks
        state.statistics.pagesWalked = tally.pages
        state.statistics.walksCutByMemory = tally.cutByMemory > 0 ? tally.cutByMemory : nil
        reported += retryNotices(&state.statistics)
        state.statistics.seconds = context.clock.elapsed
        var final = result(state, findings: reported)
        final.healthFailure = TransportHealth.failure(state.statistics.retry ?? RetryStatistics(), firstAttempts: state.statistics.requests - state.statistics.retries,
                                                      maxShare: configuration.maxRetryShare)
        return final
    }

    /// True when the run must stop starting work; records why once (a signal always wins).
    private func stopped(_ statistics: inout RunStatistics, log: FindingLog) -> Bool {
        if statistics.interruptedBy == nil, let signal = configuration.stop?.signal {
            statistics.interruptedBy = signal
            statistics.stoppedEarly = "interrupted by \(signal)"
            return true
        }
        if statistics.stoppedEarly != nil { return true }
        statistics.stoppedEarly = context.stopReason(uniqueFindings: log.runUniqueCount)
        return statistics.stoppedEarly != nil
    }

    /// Publishes the state for `resultSoFar` (with the walks so far).
    private func publish(_ state: inout RunSnapshot, tally: WalkTally) {
        state.statistics.walks = tally.walks
        state.statistics.pagesWalked = tally.pages
        published.store(state)
    }

    // MARK: Confirmation, shrinking, baseline, corpus

    /// Confirmation, shrinking, the baseline and corpus storage, as separate steps, in finding order.
    /// `discovery` is replaced by the refreshed one (the old base walk is released before the new one is walked).
    private func confirm(_ log: FindingLog, discovery: inout Discovery, statistics: inout RunStatistics,
                         tally: inout WalkTally) -> [ReportedFinding] {
        let entries = log.ordered
        // Walk and relation findings are re-run against a fresh base walk, so that data which changed
        // since discovery (a live target) cannot make a completeness check fail twice.
        if ConfirmationPhase.needsFreshBase(entries, context: context) {
            let refreshed = DiscoveryPhase(context: context).refresh(&discovery)
            tally.add(refreshed)
        }
        let confirmation = ConfirmationPhase(context: context, discovery: discovery)
        let shrinking = ShrinkingStep(context: context, discovery: discovery)
        let recording = configuration.corpusDirectory.map { CorpusRecording(context: context, directory: $0, startedAt: startedAt) }
        var reported: [ReportedFinding] = []
        for (position, entry) in entries.enumerated() {
            context.progress.report("confirming", done: position, total: entries.count, findings: log.count)
            if configuration.stop?.signal != nil { _ = stopped(&statistics, log: log) }
            let verdict = confirmation.confirm(entry, tally: &tally)
            if verdict.unconfirmed { statistics.unconfirmed = (statistics.unconfirmed ?? 0) + 1 }
            var finding = entry.finding
            var replay = entry.replay
            var shrinkSummary: ShrinkSummary?
            if verdict.reproduced, !verdict.unconfirmed, !verdict.interrupted, configuration.shrinkBudget > 0,
               case .generatedCase(let generated) = entry.confirm, !stopped(&statistics, log: log) {
                let outcome = shrinking.shrink(generated, finding: finding, replay: replay)
                finding = outcome.finding
                replay = outcome.replay
                shrinkSummary = outcome.summary
            }
            var status: FindingStatus = verdict.reproduced ? .new : .flaky
            if verdict.interrupted, !entry.isCorpusRegression { status = .unconfirmed }
            if baseline.signatures.contains(finding.signature) { status = .baseline }
            var corpusFile: String?
            if status == .new || status == .unconfirmed, !entry.isCorpusRegression {
                corpusFile = recording?.store(finding, replay: replay, unconfirmed: status == .unconfirmed || verdict.unconfirmed)
            } else if entry.isCorpusRegression, case .corpus(let file) = entry.origin {
                corpusFile = file
            }
            var reportedFinding = ReportedFinding(finding: finding, status: status, occurrences: entry.occurrences,
                                                  origin: entry.origin, reproduction: replay.queries, shrink: shrinkSummary,
                                                  corpusFile: corpusFile)
            reportedFinding.credential = replay.credential
            reported.append(reportedFinding)
        }
        return reported
    }

    // MARK: End of run

    /// Fills the retry accounting and returns the non-gating `CF-RETRY-RATE` notice, if the share of
    /// requests that needed a retry is over the limit.
    private func retryNotices(_ statistics: inout RunStatistics) -> [ReportedFinding] {
        let retry = executor.retryStatistics
        statistics.retry = retry
        let firstTries = statistics.requests - statistics.retries
        guard firstTries >= 20 else { return [] }
        let share = Double(retry.retriedRequests) / Double(firstTries)
        guard share > configuration.maxRetryShare else { return [] }
        let percent = String(format: "%.1f%%", share * 100)
        let limit = TransportHealth.percent(configuration.maxRetryShare)
        let finding = Finding(check: .retryRate, detail: "share",
                              message: "\(retry.retriedRequests) of \(firstTries) requests (\(percent)) needed a retry: \(retry.summary)",
                              expected: "at most \(limit) of requests need a retry",
                              observed: "\(percent); slowest \(retry.slowest.first.map { String(format: "%.1f s", $0.seconds) } ?? "-")",
                              evidence: [])
        return [ReportedFinding(finding: finding, status: .notice, occurrences: 1,
                                origin: .run(description: "retry accounting"), reproduction: [])]
    }

    /// Throws when nothing but the preflight was answered and the run was stopped by the target or the deadline.
    private func requireSomethingTested(_ statistics: RunStatistics) throws(RunAbort) {
        guard executor.answered <= 1,
              let reason = statistics.stoppedEarly ?? context.clock.deadlineStopReason(executor: executor, deadline: context.deadline),
              executor.keyRefusal == nil else { return }
        throw RunAbort.untestable(url: configuration.endpointURL, reason: "\(reason); nothing could be tested")
    }

    /// The result of the run from a snapshot and the reported findings.
    private func result(_ state: RunSnapshot, findings reported: [ReportedFinding]) -> RunResult {
        var result = RunResult(
            specName: spec.name, specRevision: spec.revision, specFingerprint: spec.fingerprint,
            seed: configuration.seed, target: TargetURL.withoutCredentials(configuration.target),
            endpoint: TargetURL.withoutCredentials(configuration.endpointURL),
            authHeader: spec.auth.header, apiKeyEnv: configuration.apiKeyEnv, authenticated: configuration.apiKey != nil,
            startedAt: startedAt, statistics: state.statistics, findings: reported,
            coverageRows: Self.coverageRows(state.coverage),
            coverageGaps: state.coverage.gaps.map { "\($0.parameter) × \($0.cellClass)" },
            corpusReplay: state.corpusOutcomes, settings: RunSettings(configuration), traffic: executor.traffic.summary(),
            targetIdentity: configuration.targetIdentity, shard: configuration.shard, work: state.work)
        if executor.keyRefusal != nil { result.abortReason = executor.stopReason }
        result.secondKeyEnv = configuration.secondKey == nil ? nil : configuration.secondKeyEnv
        result.authNotes = state.accessNotes
        return result
    }

    /// The coverage table as rows per parameter.
    private static func coverageRows(_ coverage: CoverageTable) -> [CoverageRow] {
        var rows: [String: [String: Int]] = [:]
        for cell in coverage.report.cells { rows[cell.parameter, default: [:]][cell.cellClass] = cell.count }
        return rows.keys.sorted().map { CoverageRow(parameter: $0, counts: rows[$0] ?? [:]) }
    }

    // MARK: Interruption

    /// The result so far of a run that was interrupted and has not wound down within its grace period.
    ///
    /// Safe to call from another thread while `run()` is still going: it reads only locked state (the
    /// finding journal, the gateway's counters, the last published snapshot). Every finding is reported
    /// `unconfirmed` (corpus regressions stay `new`) and stored in the corpus.
    public func resultSoFar(signal: String) -> RunResult {
        var state = published.current
        state.statistics.interruptedBy = signal
        state.statistics.stoppedEarly = "interrupted by \(signal)"
        state.statistics.requests = executor.requests
        state.statistics.retries = executor.retried
        state.statistics.seconds = context.clock.elapsed
        let recording = configuration.corpusDirectory.map { CorpusRecording(context: context, directory: $0, startedAt: startedAt) }
        var reported: [ReportedFinding] = []
        for entry in context.progress.journal.entries {
            var corpusFile: String?
            var status = FindingStatus.unconfirmed
            if entry.isCorpusRegression, case .corpus(let file) = entry.origin {
                corpusFile = file
                status = .new
            } else if baseline.signatures.contains(entry.finding.signature) {
                status = .baseline
            } else {
                corpusFile = recording?.store(entry.finding, replay: entry.replay, unconfirmed: true)
            }
            reported.append(ReportedFinding(finding: entry.finding, status: status, occurrences: entry.occurrences,
                                            origin: entry.origin, reproduction: entry.replay.queries, shrink: nil,
                                            corpusFile: corpusFile))
        }
        return result(state, findings: reported)
    }

    // MARK: Partial runs

    /// Sends the preflight request alone (its findings reach the journal); throws when the target cannot be judged.
    func preflight() throws(RunAbort) {
        _ = try Preflight(context: context).run()
    }

    /// Replays corpus files without a full run: preflight, discovery, then each entry. Used by `convfuzz replay`.
    /// Every file is read before the first request, so a broken one exits 2 without traffic.
    public func replayFiles(_ files: [String]) throws(RunAbort) -> [CorpusReplayOutcome] {
        var entries: [CorpusEntry] = []
        for file in files { entries.append(try CorpusReplay.load(file)) }
        try preflight()
        let discovery = DiscoveryPhase(context: context).run(pools: ValuePools(profile: configuration.profile)).discovery
        let replay = CorpusReplay(context: context, discovery: discovery)
        var tally = WalkTally()
        return zip(files, entries).map { replay.replay($1, file: $0, tally: &tally).outcome }
    }

    /// Checks the target (preflight), walks the unfiltered query and returns a first profile. Used by `convfuzz profile init`.
    public func discoverProfile() throws(RunAbort) -> ProfileDraft {
        try preflight()
        let phase = DiscoveryPhase(context: context)
        return phase.profileDraft(phase.run(pools: ValuePools(profile: configuration.profile)).discovery)
    }

    /// Walks one query to its end page by page, keeping no pages, after the preflight. Used by `convfuzz walk`.
    /// A query the spec says is invalid is refused before any request (exit 2).
    public func streamingWalk(pairs: [WirePair], maxPages: Int, stopAfter: Int? = nil,
                              onPage: ((Int, Int) -> Void)? = nil) throws(RunAbort) -> StreamingWalkOutcome {
        let walk = StreamingWalk(context: context)
        if let invalid = walk.invalidity(pairs) { throw RunAbort.invalidInput(invalid) }
        try preflight()
        return walk.run(pairs: pairs, maxPages: maxPages, stopAfter: stopAfter, onPage: onPage)
    }
}
