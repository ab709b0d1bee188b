import ConvfuzzResults
import Foundation

/// Where a run stands, for progress lines.
public struct ProgressSnapshot: Sendable, Equatable {
    /// The phase.
    public var phase: PhaseName
    /// Units done in the phase.
    public var done: Int
    /// Units planned in the phase.
    public var total: Int
    /// Unique findings so far.
    public var findings: Int
    /// Requests so far.
    public var requests: Int
    /// Requests per second (over the last interval when a sink measures it, else over the run).
    public var requestsPerSecond: Double
    /// Estimated seconds left in the phase, from the phase's own measured rate; nil when unknown.
    public var eta: Double?
    /// When the phase must end at the latest (``Clock/monotonic()`` seconds), under the time budget; the
    /// ETA never passes it. Nil without a budget.
    public var endsBy: Double?

    /// Creates a snapshot.
    public init(phase: PhaseName, done: Int, total: Int, findings: Int, requests: Int, requestsPerSecond: Double, eta: Double?) {
        self.phase = phase
        self.done = done
        self.total = total
        self.findings = findings
        self.requests = requests
        self.requestsPerSecond = requestsPerSecond
        self.eta = eta
    }

    /// One plain line: `cases: 480/2000 cases, 2 finding(s), 530 requests, 410 req/s, ETA 4s`.
    public var line: String {
        let eta = self.eta.map { String(format: ", ETA %.0fs", $0) } ?? ""
        return String(format: "%@: %d/%d %@, %d finding(s), %d requests, %.0f req/s", phase.title, done, total, phase.unit, findings,
                      requests, requestsPerSecond) + eta
    }
}
