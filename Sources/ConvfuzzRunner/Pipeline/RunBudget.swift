/// The run's budgets: wall-clock time and unique failures. A value: phases ask it, nothing changes it.
public struct RunBudget: Sendable {
    /// When the run started (monotonic seconds).
    public var started: Double
    /// Stop starting new work after this many seconds.
    public var timeBudget: Double?
    /// Stop after this many unique findings.
    public var maxFailures: Int?

    /// Creates a budget.
    public init(started: Double = Clock.monotonic(), timeBudget: Double?, maxFailures: Int?) {
        self.started = started
        self.timeBudget = timeBudget
        self.maxFailures = maxFailures
    }

    /// Why the run must stop now, or nil while budget is left.
    public func stopReason(uniqueFindings: Int) -> String? {
        if let timeBudget, Clock.monotonic() - started >= timeBudget {
            return "time budget of \(Int(timeBudget)) s spent"
        }
        if let maxFailures, uniqueFindings >= maxFailures {
            return "reached --max-failures \(maxFailures)"
        }
        return nil
    }
}
