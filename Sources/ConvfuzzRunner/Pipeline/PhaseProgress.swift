import ConvfuzzOracle

/// Where phases report progress and findings: a sink plus the gateway's request count and the run's start.
public struct PhaseProgress: Sendable {
    private let sink: any ProgressSink
    private let executor: RequestExecutor
    private let started: Double

    /// Creates a reporter.
    init(sink: any ProgressSink, executor: RequestExecutor, started: Double = Clock.monotonic()) {
        self.sink = sink
        self.executor = executor
        self.started = started
    }

    /// Reports that a phase has done `done` of `total` units; `findings` is the run's unique count so far.
    public func report(_ phase: String, done: Int, total: Int, findings: Int) {
        let elapsed = Clock.monotonic() - started
        let requests = executor.requests
        let rate = elapsed > 0 ? Double(requests) / elapsed : 0
        let perUnit = done > 0 ? elapsed / Double(done) : 0
        sink.update(ProgressSnapshot(phase: phase, done: done, total: total, findings: findings, requests: requests,
                                     requestsPerSecond: rate, eta: done > 0 && total > done ? perUnit * Double(total - done) : nil))
    }

    /// A line for the user (already free of secrets, or passed through the gateway's redactor here).
    public func note(_ line: String) {
        sink.note(executor.redactor.redact(line))
    }

    /// One note per new finding.
    public func announce(_ findings: [Finding]) {
        for finding in findings {
            note("finding: [\(finding.check.rawValue)] \(finding.parameter.map { "\($0): " } ?? "")\(finding.message)")
        }
    }
}
