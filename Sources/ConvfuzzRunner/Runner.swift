import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec
import Foundation

/// Runs a whole conformance session against one target: a list of phases, then confirmation.
///
/// The phases (``phases``), in order: ``PreflightPhase`` (reachability and auth), ``DiscoveryPhase`` (pools,
/// issued cursors, growth window, base walk: a ``Discovery`` value), ``CorpusReplayPhase`` (stored failures,
/// regenerated with the harvested pools), ``AccessPhase`` (auth variants, tenancy), ``CasePhase``,
/// ``ProbePhase``, ``WalkPhase``, ``RelationPhase``. Each takes the same ``PhaseInput`` (what earlier
/// phases learnt, as values) and returns a ``PhaseOutput``; the runner merges the findings in phase
/// order. Then per finding: ``Confirmation`` (its plan re-run once by the ``Replayer``; what does not
/// reproduce is flaky), ``ShrinkingStep``, the baseline and ``CorpusRecording``. Every request goes
/// through one ``RequestExecutor``. The same seed, spec and target behaviour give the same cases in the
/// same order and the same findings, whatever the concurrency and the number of cores.
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

    /// The run's phases, in order. `--explore`'s ``ExplorePhase`` comes after them (and after the fixed
    /// cases a request budget cut were resumed).
    public var phases: [any Phase] {
        [PreflightPhase(context: context), DiscoveryPhase(context: context), CorpusReplayPhase(context: context),
         AccessPhase(context: context), CasePhase(context: context), ProbePhase(context: context),
         WalkPhase(context: context), RelationPhase(context: context)]
    }

    /// Runs every phase, then confirms what they found, and returns the result; throws when the target
    /// cannot be judged.
    public func run() throws(RunAbort) -> RunResult {
        var state = published.current
        var log = context.findingLog(known: [])
        var tally = WalkTally()
        var input = PhaseInput(discovery: Discovery(pools: ValuePools(profile: configuration.profile)))
        var casesCutAt: Int?
        context.deadline.reset(at: context.clock.explorationEnd)
        // Phases none of whose checks is selected (`--checks`, `--exclude-checks`) send nothing.
        let selection = configuration.settings.selection
        let (running, skipped) = Self.split(phases, under: selection)
        if !skipped.isEmpty { state.statistics.phasesSkipped = skipped.map(\.rawValue) }
        let planner = configuration.settings.requestLimit.map {
            RequestPlanner(limit: $0, confirmShare: configuration.confirmShare,
                           running: RequestPlanner.families.filter { !skipped.contains($0) })
        }
        if let planner { executor.budget.reserve(planner.reserved) }
        var series: [RunCheckpoint] = []
        for phase in running {
            if let planner, let remaining = executor.budget.remaining {
                executor.budget.allot(phase.name, share: planner.share(of: phase.name, remaining: remaining))
            }
            if phase.skippedWhenStopping, stopped(&state.statistics, log: log) { continue }
            input.known = log.allSignatures
            let output = try phase.run(input)
            if case .cases(let summary) = output.payload { casesCutAt = summary.next }
            absorb(output, into: &state, input: &input, log: &log, tally: &tally)
            series.append(checkpoint(after: phase.name.rawValue, state, log: log))
        }
        // Under a request budget, what confirmation will not need flows back to the fixed cases it cut, then
        // (with `--explore`) to further ground.
        if let next = casesCutAt, let spare = spare(planner, log: log, discovery: input.discovery, statistics: &state.statistics) {
            executor.budget.allot(.cases, share: spare)
            input.known = log.allSignatures
            let output = CasePhase(context: context, resumingAt: next).run(input)
            absorb(output, into: &state, input: &input, log: &log, tally: &tally)
            series.append(checkpoint(after: "cases resumed", state, log: log))
        }
        // `--explore` takes what is spare after that (without a request budget it runs until the deadline).
        let explore = ExplorePhase(context: context)
        if configuration.settings.explores, explore.runs(under: selection) {
            let share = spare(planner, log: log, discovery: input.discovery, statistics: &state.statistics)
            // When exploration gets nothing, the report says why: the run stopped, or the fixed plan took the bound.
            var nothing = ExplorationReport()
            nothing.endedBy = stopped(&state.statistics, log: log) ? state.statistics.stoppedEarly
                : "nothing of the request budget left past the fixed plan and confirmation's share"
            state.statistics.exploration = nothing
            if !stopped(&state.statistics, log: log), planner == nil || share != nil {
                executor.budget.allot(.explore, share: share)
                input.known = log.allSignatures
                let output = explore.run(input)
                if case .exploration(let outcome) = output.payload {
                    // The phase counts the unique findings it added; the run had `log.count` before it.
                    series += outcome.checkpoints.map { point in
                        var point = point
                        point.findings += log.count
                        return point
                    }
                }
                absorb(output, into: &state, input: &input, log: &log, tally: &tally)
            }
        }
        // A phase cut by the deadline, a halt, a signal or --max-failures stops quietly: record why here.
        _ = stopped(&state.statistics, log: log)
        try requireSomethingTested(state.statistics)
        context.deadline.reset(at: context.clock.runEnd)
        executor.clearDeadlineStop()
        executor.budget.allot(.confirming, share: nil)
        var discovery = input.discovery
        var reported = confirm(log, discovery: &discovery, statistics: &state.statistics, tally: &tally)
        state.statistics.requests = executor.requests
        state.statistics.retries = executor.retried
        state.statistics.walks = tally.walks
        state.statistics.pagesWalked = tally.pages
        state.statistics.walksCutByMemory = tally.cutByMemory > 0 ? tally.cutByMemory : nil
        reported += retryNotices(&state.statistics)
        state.statistics.requestBudget = executor.budget.report
        state.statistics.seconds = context.clock.elapsed
        state.statistics.overTime = Self.grouped(series, reported: reported)
        var final = result(state, findings: reported)
        final.healthFailure = TransportHealth.failure(state.statistics.retry ?? RetryStatistics(), firstAttempts: state.statistics.requests - state.statistics.retries,
                                                      maxShare: configuration.maxRetryShare)
        return final
    }

    /// Takes a step's output into the run (its payload, findings and walks) and publishes the state.
    private func absorb(_ output: PhaseOutput, into state: inout RunSnapshot, input: inout PhaseInput,
                        log: inout FindingLog, tally: inout WalkTally) {
        take(output, into: &state, input: &input)
        log.merge(output.findings)
        tally.add(output.tally)
        publish(&state, tally: tally)
    }

    /// Under a request budget, what the bound can give past the confirmation that the findings so far need
    /// (``RequestPlanner/spare(remaining:confirmationNeed:)``), set as the next step's share with the rest
    /// kept for confirmation; nil without a budget, when nothing is spare, or when the run must stop.
    private func spare(_ planner: RequestPlanner?, log: FindingLog, discovery: Discovery,
                       statistics: inout RunStatistics) -> Int? {
        guard let planner, let remaining = executor.budget.remaining, !stopped(&statistics, log: log) else { return nil }
        let need = Confirmation.estimatedRequests(log.ordered, context: context, discovery: discovery)
        let spare = planner.spare(remaining: remaining, confirmationNeed: need)
        guard spare > 0 else { return nil }
        executor.budget.reserve(remaining - spare)
        return spare
    }

    // MARK: Over time

    /// The run's point after a phase: requests, coverage cells and unique findings so far.
    private func checkpoint(after step: String, _ state: RunSnapshot, log: FindingLog) -> RunCheckpoint {
        RunCheckpoint(after: step, requests: executor.requests, seconds: context.clock.elapsed,
                      coverageCells: state.coverage.coveredCells, findings: log.count)
    }

    /// The series with each point's root-cause groups: how many of the run's groups (as the reports group
    /// every finding) the findings met by then belong to. Reported findings are in the order the run met
    /// them, one per unique finding, so the count only grows.
    static func grouped(_ series: [RunCheckpoint], reported: [ReportedFinding]) -> [RunCheckpoint] {
        var groupOf: [String: Int] = [:]
        for (index, group) in FindingGrouper.groups(reported).enumerated() {
            for member in group.members { groupOf[member.finding.signature] = index }
        }
        return series.map { point in
            var point = point
            point.findingGroups = Set(reported.prefix(point.findings).compactMap { groupOf[$0.finding.signature] }).count
            return point
        }
    }

    /// The phases that run under `selection`, and the names of those that send nothing: a phase none
    /// of whose checks is selected, and the case phase when it only generates (no response check selected).
    static func split(_ phases: [any Phase], under selection: CheckSelection) -> (running: [any Phase], skipped: [PhaseName]) {
        var skipped: [PhaseName] = []
        for phase in phases where !skipped.contains(phase.name) {
            let sends = phase.runs(under: selection) && (phase.name != .cases || CasePhase.sendsCases(under: selection))
            if !sends { skipped.append(phase.name) }
        }
        return (phases.filter { $0.runs(under: selection) }, skipped)
    }

    /// Takes what is particular to a phase's output into the run's state and the next phases' input.
    private func take(_ output: PhaseOutput, into state: inout RunSnapshot, input: inout PhaseInput) {
        state.work.merge(output.work)
        switch output.payload {
        case .none:
            break
        case .discovery(let discovery):
            input.discovery = discovery
        case .corpus(let outcomes):
            state.corpusOutcomes = outcomes
            state.statistics.corpusReplayed = outcomes.count
        case .access(let notes):
            state.accessNotes = notes
        case .cases(let summary):
            state.coverage = summary.coverage
            input.sizeLadders = summary.sizeLadders
            input.validCases = summary.validCases
            input.coverage = summary.coverage
            state.statistics.cases = summary.cases
            state.statistics.casesByExpectation = summary.casesByExpectation
            if state.statistics.stoppedEarly == nil { state.statistics.stoppedEarly = summary.stoppedEarly }
            state.statistics.casesCut = summary.cut
            state.sizeLadders = summary.sizeLadders
        case .walks(let sizes):
            // Into the coverage later case steps (resumed cases, `--explore`) go on from, too.
            for size in sizes {
                state.coverage.recordWalk(pageSize: size)
                input.coverage?.recordWalk(pageSize: size)
            }
        case .relations(let evaluated):
            state.statistics.relations = evaluated
        case .resumed(let summary):
            state.coverage = summary.coverage
            input.coverage = summary.coverage
            state.statistics.cases += summary.cases
            for (word, count) in summary.casesByExpectation { state.statistics.casesByExpectation[word, default: 0] += count }
        case .explored:
            // One window of `--explore`'s cases: ``ExplorePhase`` takes it in; the run sees its `.exploration`.
            break
        case .exploration(let outcome):
            state.coverage = outcome.coverage
            state.statistics.cases += outcome.report.cases
            state.statistics.exploredCases = outcome.report.cases
            state.statistics.relations += outcome.report.relations
            state.statistics.exploration = outcome.report
            for (word, count) in outcome.casesByExpectation { state.statistics.casesByExpectation[word, default: 0] += count }
            if !outcome.sizeLadders.isEmpty { state.sizeLadders = outcome.sizeLadders }
        }
    }

    /// True when the run must stop starting work; records why once (a signal always wins).
    private func stopped(_ statistics: inout RunStatistics, log: FindingLog) -> Bool {
        if statistics.interruptedBy == nil, let signal = configuration.stop?.signal {
            statistics.interruptedBy = signal
            statistics.stoppedEarly = "interrupted by \(signal)"
            return true
        }
        if statistics.stoppedEarly != nil { return true }
        statistics.stoppedEarly = context.runStopReason(uniqueFindings: log.runUniqueCount)
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
        if Confirmation.needsFreshBase(entries, context: context) {
            let refreshed = DiscoveryPhase(context: context).refresh(&discovery)
            tally.add(refreshed)
        }
        let confirmation = Confirmation(context: context, discovery: discovery)
        let shrinking = ShrinkingStep(context: context, discovery: discovery)
        let recording = configuration.corpusDirectory.map { CorpusRecording(context: context, directory: $0, startedAt: startedAt) }
        var reported: [ReportedFinding] = []
        // The walk plans that shrank earlier findings, by check: tried first on the next finding of that check.
        var shrunkPlans: [CheckID: [ReplayPlan]] = [:]
        for (position, entry) in entries.enumerated() {
            context.progress.report(.confirming, done: position, total: entries.count, findings: log.count)
            if configuration.stop?.signal != nil { _ = stopped(&statistics, log: log) }
            let verdict = confirmation.confirm(entry, tally: &tally)
            if verdict.countsUnconfirmed(isCorpusRegression: entry.isCorpusRegression) {
                statistics.unconfirmed = (statistics.unconfirmed ?? 0) + 1
            }
            var shrunk = entry
            var shrinkSummary: ShrinkSummary?
            let later = entries.count - position - 1
            if verdict == .reproduced, !entry.isCorpusRegression, configuration.shrinkBudget > 0, canShrink(leaving: later),
               let outcome = shrink(entry, later: later, confirmation: confirmation, shrinking: shrinking, hints: &shrunkPlans,
                                    statistics: &statistics, log: log, tally: &tally) {
                shrunk.finding = outcome.finding
                shrunk.plan = outcome.plan
                // A plan no attempt could be made on (the budget) was not shrunk at all.
                shrinkSummary = outcome.summary.attempts > 0 ? outcome.summary : nil
            }
            reported.append(report(shrunk, verdict: verdict, shrink: shrinkSummary, recording: recording))
        }
        return reported
    }

    /// Shrinks one confirmed entry: a generated case on its choices (``Shrinker``), a walk or relation on
    /// its plan (``PlanShrinker``, tried first with the walk plans that shrank earlier findings of the same
    /// check, kept in `hints`); nil when the entry is neither or the run must stop.
    private func shrink(_ entry: FindingLog.Entry, later: Int, confirmation: Confirmation, shrinking: ShrinkingStep,
                        hints: inout [CheckID: [ReplayPlan]], statistics: inout RunStatistics, log: FindingLog,
                        tally: inout WalkTally) -> ShrinkingStep.Outcome? {
        if let generated = confirmation.generatedCase(entry.plan) {
            guard !stopped(&statistics, log: log) else { return nil }
            return shrinking.shrink(generated, finding: entry.finding, plan: entry.plan)
        }
        guard PlanShrinker.shrinks(entry.plan), !stopped(&statistics, log: log) else { return nil }
        let check = entry.finding.check
        let outcome = shrinking.shrink(plan: entry.plan, finding: entry.finding, hints: hints[check] ?? [],
                                       requests: configuration.shrinkBudget, reserve: 2 * later, tally: &tally)
        // Only walks pass on: another relation's plan would cost its walks and rarely show the same finding.
        if outcome.plan.kind == .walk, outcome.plan != entry.plan, !(hints[check] ?? []).contains(outcome.plan) {
            hints[check] = [outcome.plan] + (hints[check] ?? []).prefix(1)
        }
        return outcome
    }

    /// Whether shrinking one finding leaves the request budget enough to re-run the `later` findings
    /// after it (about two requests each); always true without a budget.
    private func canShrink(leaving later: Int) -> Bool {
        guard let remaining = executor.budget.remaining else { return true }
        return remaining >= configuration.shrinkBudget + 2 * later
    }

    /// A confirmed (or not re-run) entry as reported: its status, and its corpus file, written now when
    /// the finding is new to the corpus and gates (or was cut short by a signal).
    private func report(_ entry: FindingLog.Entry, verdict: ConfirmationVerdict, shrink: ShrinkSummary?,
                        recording: CorpusRecording?) -> ReportedFinding {
        let status = FindingStatus(verdict: verdict, isCorpusRegression: entry.isCorpusRegression,
                                   inBaseline: baseline.signatures.contains(entry.finding.signature))
        var corpusFile: String?
        if case .corpus(let file) = entry.source {
            corpusFile = file
        } else if status == .new || status == .unconfirmed {
            corpusFile = recording?.store(entry.finding, replay: entry.plan,
                                          unconfirmed: status == .unconfirmed
                                              || verdict.countsUnconfirmed(isCorpusRegression: entry.isCorpusRegression))
        }
        var reported = ReportedFinding(finding: entry.finding, status: status, occurrences: entry.occurrences,
                                       origin: entry.origin(seed: configuration.seed), reproduction: entry.plan.queries,
                                       shrink: shrink, corpusFile: corpusFile)
        reported.credential = entry.plan.credential
        return reported
    }

    // MARK: End of run

    /// Fills the retry accounting and returns the non-gating `CF-RETRY-RATE` notice, if the share of
    /// requests that needed a retry is over the limit.
    private func retryNotices(_ statistics: inout RunStatistics) -> [ReportedFinding] {
        let retry = executor.retryStatistics
        statistics.retry = retry
        let firstTries = statistics.requests - statistics.retries
        guard firstTries >= 20, context.selection.contains(.retryRate) else { return [] }
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
            // No case sent (no response check selected): no cell is a gap worth naming.
            coverageGaps: state.statistics.phasesSkipped?.contains(PhaseName.cases.rawValue) == true ? []
                : state.coverage.gaps.map { "\($0.parameter) × \($0.cellClass)" },
            corpusReplay: state.corpusOutcomes, settings: configuration.settings, traffic: executor.traffic.summary(),
            targetIdentity: configuration.targetIdentity, shard: configuration.shard, work: state.work)
        if executor.keyRefusal != nil { result.abortReason = executor.stopReason }
        result.secondKeyEnv = configuration.secondKey == nil ? nil : configuration.secondKeyEnv
        result.authNotes = state.accessNotes
        result.sizeLadders = state.sizeLadders.isEmpty ? nil : state.sizeLadders
        result.reproductionServer = configuration.reproductionServer
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
        let reported = context.progress.journal.entries.map { entry in
            report(entry, verdict: .notRerun(.interrupted), shrink: nil, recording: recording)
        }
        return result(state, findings: reported)
    }

    // MARK: Partial runs

    /// Sends the preflight request alone (its findings reach the journal); throws when the target cannot be judged.
    func preflight() throws(RunAbort) {
        _ = try PreflightPhase(context: context).run(PhaseInput(discovery: Discovery(pools: ValuePools(profile: configuration.profile))))
    }

    /// The discovery of a partial run, after the preflight.
    private func discover() throws(RunAbort) -> Discovery {
        try preflight()
        let output = DiscoveryPhase(context: context).run(PhaseInput(discovery: Discovery(pools: ValuePools(profile: configuration.profile))))
        return output.discovery ?? Discovery(pools: ValuePools(profile: configuration.profile))
    }

    /// Replays corpus files without a full run: preflight, discovery, then each entry. Used by `convfuzz replay`.
    /// Every file is read before the first request, so a broken one exits 2 without traffic.
    public func replayFiles(_ files: [String]) throws(RunAbort) -> [CorpusReplayOutcome] {
        var entries: [CorpusEntry] = []
        for file in files { entries.append(try CorpusReplayPhase.load(file)) }
        let discovery = try discover()
        context.executor.traffic.enter(.corpus)
        let replay = CorpusReplayPhase(context: context)
        var tally = WalkTally()
        return zip(files, entries).map { replay.replay($1, file: $0, discovery: discovery, tally: &tally).outcome }
    }

    /// Checks the target (preflight), walks the unfiltered query and returns a first profile. Used by `convfuzz profile init`.
    public func discoverProfile() throws(RunAbort) -> ProfileDraft {
        DiscoveryPhase(context: context).profileDraft(try discover())
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
