import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

/// The services every phase uses: the configuration, the run's clock and deadline, the one execution
/// gateway and the spec-derived readers and oracles. What a phase finds comes back as its
/// ``PhaseOutput``, never through the context.
///
/// Most of it is immutable values. Four reference types are shared, and each synchronises itself:
/// - ``RequestExecutor``, the gateway: its counters, retry accounting, pacing, halt and deadline stop
///   are guarded by its lock, and its transport serialises batches;
/// - ``RunDeadline``: the current stage's instant, behind a lock (the runner moves it between stages;
///   phases and the gateway read it);
/// - the gateway's `TrafficRecorder`: requests by phase over time and latencies, behind a lock;
/// - ``PhaseProgress/journal`` (a ``FindingJournal``): findings as announced, behind a lock, read by
///   the signal handler's thread for ``Runner/resultSoFar(signal:)``.
public struct PhaseContext: Sendable {
    /// The run configuration.
    public let configuration: RunConfiguration
    /// The spec.
    public let spec: Spec
    /// The run's budgets on the monotonic clock.
    public let clock: RunClock
    /// The deadline of the current stage (exploration, then confirmation).
    public let deadline: RunDeadline
    /// The one execution gateway.
    public let executor: RequestExecutor
    /// Runs cursor walks through the gateway, keeping whole pages (the discovery walk, tenancy).
    public let walker: WalkDriver
    /// Runs cursor walks that are judged and compared as sets, keeping slim pages (probes, walks, relations).
    public let slimWalker: WalkDriver
    /// Classifies exactly what is sent.
    public let classifier: WireClassifier
    /// Rewrites queries for walks and relations.
    public let shaper: QueryShaper
    /// Per-response checks.
    public let responseOracle: ResponseOracle
    /// Per-walk checks.
    public let walkOracle: WalkOracle
    /// Walk-to-walk comparisons.
    public let comparator: WalkComparator
    /// Filter semantics on items.
    public let evaluator: FilterEvaluator
    /// Reads pages.
    public let parser: PageParser
    /// Progress lines, finding notes and the journal an interrupted run is reported from.
    public let progress: PhaseProgress

    /// Creates the services for a run; `transport` replaces libcurl (tests use a scripted one).
    public init(configuration: RunConfiguration, transport: (any RequestTransport)? = nil,
                progress: any ProgressSink = SilentProgress()) {
        self.configuration = configuration
        spec = configuration.spec
        clock = RunClock(configuration: configuration)
        deadline = RunDeadline()
        executor = RequestExecutor(configuration: configuration, deadline: deadline, transport: transport)
        walker = WalkDriver(executor: executor, spec: spec, maxPages: configuration.maxWalkPages)
        slimWalker = walker.slim()
        classifier = WireClassifier(spec: spec)
        shaper = QueryShaper(spec: spec)
        responseOracle = ResponseOracle(spec: spec)
        walkOracle = WalkOracle(spec: spec)
        comparator = WalkComparator(spec: spec)
        evaluator = FilterEvaluator(spec: spec)
        parser = PageParser(spec: spec)
        self.progress = PhaseProgress(sink: progress, executor: executor, started: clock.start)
    }

    // MARK: Checks

    /// The checks the run runs and judges (`--checks`, `--exclude-checks`).
    public var selection: CheckSelection { configuration.settings.selection }

    /// An empty finding log for a phase: it keeps only findings of the selected checks.
    public func findingLog(known: Set<String>) -> FindingLog {
        FindingLog(known: known, selection: selection)
    }

    // MARK: Stopping

    /// Why the current phase must stop now, or nil: a signal, the gateway halted, the deadline,
    /// or `--max-failures` reached by `uniqueFindings` (the run's unique findings so far).
    /// The phase's share of the request budget spent counts too (it stops the phase, not the run).
    public func stopReason(uniqueFindings: Int) -> String? {
        runStopReason(uniqueFindings: uniqueFindings) ?? executor.budget.stopReason
    }

    /// Why the run must start no further phase, or nil: as ``stopReason(uniqueFindings:)``, with the
    /// whole request budget spent but not a phase's share of it.
    public func runStopReason(uniqueFindings: Int) -> String? {
        if let signal = configuration.stop?.signal { return "interrupted by \(signal)" }
        if let reason = clock.deadlineStopReason(executor: executor, deadline: deadline) { return reason }
        if let limit = configuration.maxFailures, uniqueFindings >= limit { return "reached --max-failures \(limit)" }
        return executor.budget.runStopReason
    }

    /// Whether a phase must stop judging what it already observed: a signal, or `--max-failures` reached.
    /// Judging sends nothing, so a spent request budget or deadline never stops it.
    public func stopsJudging(uniqueFindings: Int) -> Bool {
        if configuration.stop?.signal != nil { return true }
        if let limit = configuration.maxFailures, uniqueFindings >= limit { return true }
        return false
    }

    /// Whether a confirming re-run can still be trusted to mean something (not cut by the deadline, a
    /// stop or the request budget).
    public var canConfirm: Bool { executor.stopReason == nil && !deadline.hasPassed && !executor.budget.isSpent }

    // MARK: Sending

    /// Sends one generated case and checks the response against the case's classification.
    public func check(_ generated: GeneratedCase) -> [Finding] {
        responseOracle.check(classification: generated.classification, response: executor.execute(generated.queryString))
    }

    /// Sends one query and checks the response against what its pairs mean.
    public func check(query: String, issued: CursorBook = CursorBook()) -> [Finding] {
        let classification = classifier.classify(QueryCodec.pairs(fromQuery: query), issuedCursors: issued)
        return responseOracle.check(classification: classification, response: executor.execute(query))
    }
}
