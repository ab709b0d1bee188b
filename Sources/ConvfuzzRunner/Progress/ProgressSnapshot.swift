/// Where a run stands, for progress lines.
public struct ProgressSnapshot: Sendable, Equatable {
    /// The phase name.
    public var phase: String
    /// Units done in the phase.
    public var done: Int
    /// Units planned in the phase.
    public var total: Int
    /// Unique findings so far.
    public var findings: Int
    /// Requests so far.
    public var requests: Int
    /// Requests per second so far.
    public var requestsPerSecond: Double
    /// Estimated seconds left in the phase.
    public var eta: Double?

    /// Creates a snapshot.
    public init(phase: String, done: Int, total: Int, findings: Int, requests: Int, requestsPerSecond: Double, eta: Double?) {
        self.phase = phase
        self.done = done
        self.total = total
        self.findings = findings
        self.requests = requests
        self.requestsPerSecond = requestsPerSecond
        self.eta = eta
    }

    /// One plain line.
    public var line: String {
        let eta = self.eta.map { String(format: ", ETA %.0fs", $0) } ?? ""
        return String(format: "%@: %d/%d, %d finding(s), %d requests, %.0f req/s", phase, done, total, findings,
                      requests, requestsPerSecond) + eta
    }
}
