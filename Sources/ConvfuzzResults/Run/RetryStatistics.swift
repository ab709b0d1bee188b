/// What retries absorbed during a run, so transient trouble is visible even when it did not persist.
public struct RetryStatistics: Sendable, Codable, Hashable {
    /// Retries by reason (`stall`, `reset`, `timeout`, `connect`, `429`, `503`).
    public var byReason: [String: Int] = [:]
    /// Distinct requests that needed at least one retry.
    public var retriedRequests: Int = 0
    /// Distinct requests that met transport trouble on some attempt (what the health gate counts; see
    /// ``TransportHealth``). Optional so that reports written before the gate still read.
    public var unhealthyRequests: Int?
    /// The trouble those requests met, by reason (each request counted once per reason).
    public var unhealthyByReason: [String: Int]?
    /// The slowest requests of the run (at most five), slowest first.
    public var slowest: [SlowRequest] = []
    /// Transport conditions the run met and did not absorb (e.g. a `Retry-After` over the maximum),
    /// one line each, in the order first met.
    public var conditions: [String] = []

    /// Creates empty statistics.
    public init() {}

    /// Total retries.
    public var total: Int { byReason.values.reduce(0, +) }

    /// `reset 12, 503 3`: the health gate's reasons, or `none`.
    public var unhealthySummary: String {
        let reasons = unhealthyByReason ?? [:]
        guard !reasons.isEmpty else { return "none" }
        return reasons.keys.sorted { (RetryReason(rawValue: $0) ?? .stall) < (RetryReason(rawValue: $1) ?? .stall) }
            .map { "\($0) \(reasons[$0] ?? 0)" }.joined(separator: ", ")
    }

    /// This run's statistics joined with another shard's (the slowest five of both, conditions once each).
    public func merged(with other: RetryStatistics) -> RetryStatistics {
        var out = self
        for (reason, count) in other.byReason { out.byReason[reason, default: 0] += count }
        out.retriedRequests += other.retriedRequests
        if let unhealthy = other.unhealthyRequests { out.unhealthyRequests = (out.unhealthyRequests ?? 0) + unhealthy }
        for (reason, count) in other.unhealthyByReason ?? [:] {
            out.unhealthyByReason = out.unhealthyByReason ?? [:]
            out.unhealthyByReason?[reason, default: 0] += count
        }
        out.slowest = Array((slowest + other.slowest).sorted { $0.seconds > $1.seconds }.prefix(5))
        for condition in other.conditions where !out.conditions.contains(condition) { out.conditions.append(condition) }
        return out
    }

    /// `12 (stall 3, 429 9)`, or `0`.
    public var summary: String {
        guard total > 0 else { return "0" }
        let parts = byReason.keys.sorted { (RetryReason(rawValue: $0) ?? .stall) < (RetryReason(rawValue: $1) ?? .stall) }
            .map { "\($0) \(byReason[$0] ?? 0)" }
        return "\(total) (" + parts.joined(separator: ", ") + ")"
    }
}

/// One slow request.
public struct SlowRequest: Sendable, Codable, Hashable {
    /// The encoded query sent.
    public var query: String
    /// Seconds until the answer (or the failure).
    public var seconds: Double
    /// `HTTP 200`, or the transport error.
    public var outcome: String

    /// Creates a record.
    public init(query: String, seconds: Double, outcome: String) {
        self.query = query
        self.seconds = seconds
        self.outcome = outcome
    }
}
