/// What retries absorbed during a run, so transient trouble is visible even when it did not persist.
public struct RetryStatistics: Sendable, Codable, Hashable {
    /// Retries by reason (`stall`, `reset`, `timeout`, `connect`, `429`, `503`).
    public var byReason: [String: Int] = [:]
    /// Distinct requests that needed at least one retry.
    public var retriedRequests: Int = 0
    /// The slowest requests of the run (at most five), slowest first.
    public var slowest: [SlowRequest] = []
    /// Transport conditions the run met and did not absorb (e.g. a `Retry-After` over the maximum),
    /// one line each, in the order first met.
    public var conditions: [String] = []

    /// Creates empty statistics.
    public init() {}

    /// Total retries.
    public var total: Int { byReason.values.reduce(0, +) }

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
