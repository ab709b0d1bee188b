/// How a run with a request budget (`--max-requests`, or `--rate-limit` × `--time-budget`) planned and
/// spent it: the bound, the share kept for confirmation and shrinking, and per phase the requests
/// planned (its share) and sent.
public struct RequestBudgetReport: Sendable, Codable, Hashable {
    /// One phase's share and what it sent.
    public struct PhaseRequests: Sendable, Codable, Hashable {
        /// The phase (a ``PhaseName`` raw value).
        public var phase: String
        /// Requests the phase was given (its share when it started).
        public var planned: Int
        /// Requests the phase sent, retries included.
        public var sent: Int

        /// Creates a row.
        public init(phase: String, planned: Int, sent: Int) {
            self.phase = phase
            self.planned = planned
            self.sent = sent
        }
    }

    /// The bound on every request of the run.
    public var limit: Int
    /// True when the bound is `--rate-limit` × `--time-budget` rather than `--max-requests`.
    public var implied: Bool
    /// Requests kept for confirmation and shrinking.
    public var reserved: Int
    /// Requests sent under the budget, in total.
    public var sent: Int
    /// Per phase, in the order the phases ran.
    public var phases: [PhaseRequests]
    /// What the budget cut (e.g. cases past what the cases' share could send).
    public var cuts: [String]

    /// Creates a report.
    public init(limit: Int, implied: Bool, reserved: Int, sent: Int, phases: [PhaseRequests], cuts: [String] = []) {
        self.limit = limit
        self.implied = implied
        self.reserved = reserved
        self.sent = sent
        self.phases = phases
        self.cuts = cuts
    }

    /// One line: `request budget 300 (--max-requests): 296 sent; planned/sent preflight 1/1, discovery 60/4, …`.
    public var summary: String {
        let source = implied ? "--rate-limit × --time-budget" : "--max-requests"
        let rows = phases.map { "\($0.phase) \($0.sent)/\($0.planned)" }.joined(separator: ", ")
        return "request budget \(limit) (\(source)): \(sent) sent, \(reserved) kept for confirmation; sent/planned: \(rows)"
    }
}
