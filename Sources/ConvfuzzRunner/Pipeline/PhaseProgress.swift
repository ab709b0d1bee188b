import ConvfuzzOracle
import ConvfuzzResults

/// Where phases report progress and findings: the sink, the gateway's request count and the journal.
public struct PhaseProgress: Sendable {
    private let sink: any ProgressSink
    private let executor: RequestExecutor
    private let started: Double
    /// Every finding new to the run, as announced.
    public let journal = FindingJournal()

    /// Creates a reporter.
    init(sink: any ProgressSink, executor: RequestExecutor, started: Double) {
        self.sink = sink
        self.executor = executor
        self.started = started
    }

    /// Reports that `phase` has done `done` of `total` units; `findings` is the run's unique count so far.
    /// The ETA is the sink's: it times each phase on its own.
    public func report(_ phase: PhaseName, done: Int, total: Int, findings: Int) {
        executor.traffic.enter(phase)
        let elapsed = Clock.monotonic() - started
        let requests = executor.requests
        let rate = elapsed > 0 ? Double(requests) / elapsed : 0
        var snapshot = ProgressSnapshot(phase: phase, done: done, total: total, findings: findings, requests: requests,
                                        requestsPerSecond: rate, eta: nil)
        snapshot.endsBy = executor.deadline.remaining.map { Clock.monotonic() + max(0, $0) }
        sink.update(snapshot)
    }

    /// A line for the user (callers pass text already free of secrets).
    public func note(_ line: String) {
        sink.note(line)
    }

    /// Journals entries new to the run and prints one note per finding not announced before.
    public func announce(_ entries: [FindingLog.Entry]) {
        for entry in journal.append(entries) {
            let finding = entry.finding
            sink.note("finding: [\(finding.check.rawValue)] \(finding.parameter.map { "\($0): " } ?? "")\(finding.message)")
        }
    }
}
