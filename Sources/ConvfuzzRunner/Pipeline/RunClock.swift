/// The run's budgets on the monotonic clock: when it started, when exploration must end and when
/// the whole run must end (`--time-budget`, with a share or `--confirm-budget` kept for confirmation).
/// A value: phases ask it, nothing changes it.
public struct RunClock: Sendable {
    /// When the run started (monotonic seconds; the process start when the CLI gives it).
    public let start: Double
    /// `--time-budget`, in seconds.
    public let timeBudget: Double?
    /// Seconds of the budget kept for confirmation and shrinking (0 without a budget).
    public let confirmationSeconds: Double

    /// The clock of a run configuration, started now unless the configuration gives the instant.
    public init(configuration: RunConfiguration) {
        start = configuration.startInstant ?? Clock.monotonic()
        timeBudget = configuration.timeBudget
        if let budget = configuration.timeBudget {
            confirmationSeconds = min(budget, configuration.confirmBudget ?? budget * configuration.confirmShare)
        } else {
            confirmationSeconds = 0
        }
    }

    /// The instant exploration must end, or nil without a budget.
    public var explorationEnd: Double? { timeBudget.map { start + $0 - confirmationSeconds } }

    /// The instant the whole run must end, or nil without a budget.
    public var runEnd: Double? { timeBudget.map { start + $0 } }

    /// Seconds since the start.
    public var elapsed: Double { Clock.monotonic() - start }

    /// Why the current stage must stop (the gateway halted, the deadline passed or a wait would pass it), if it must.
    public func deadlineStopReason(executor: RequestExecutor, deadline: RunDeadline) -> String? {
        if let reason = executor.stopReason { return reason }
        if let reason = executor.deadlineStop, !deadline.hasPassed { return reason }
        if deadline.hasPassed, let budget = timeBudget {
            let spent = "time budget of \(RequestExecutor.seconds(budget)) s spent"
            return deadline.instant == runEnd ? spent
                : "\(spent) (\(RequestExecutor.seconds(confirmationSeconds)) s kept for confirmation)"
        }
        return nil
    }
}
