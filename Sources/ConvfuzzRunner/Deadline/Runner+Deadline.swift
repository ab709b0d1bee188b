import ConvfuzzOracle
import Foundation

extension Runner {
    // MARK: Deadlines

    /// Seconds of the budget kept for confirmation and shrinking (0 without a budget).
    var confirmationSeconds: Double {
        guard let budget = configuration.timeBudget else { return 0 }
        return min(budget, configuration.confirmBudget ?? budget * configuration.confirmShare)
    }

    /// The instant exploration must end, or nil without a budget.
    var explorationEnd: Double? {
        configuration.timeBudget.map { startTime + $0 - confirmationSeconds }
    }

    /// The instant the whole run must end, or nil without a budget.
    var runEnd: Double? {
        configuration.timeBudget.map { startTime + $0 }
    }

    /// Arms the exploration deadline (called once, before the preflight).
    func startExploration() {
        deadline.reset(at: explorationEnd)
    }

    /// Moves the deadline to the end of the run for confirmation and shrinking.
    func startConfirmation() {
        deadline.reset(at: runEnd)
        executor.clearDeadlineStop()
    }

    /// Whether a confirming re-run can still be trusted to mean something (not cut by the deadline or a stop).
    var canConfirm: Bool { executor.stopReason == nil && !deadline.hasPassed }

    /// Why the current phase must stop (the executor halted, the deadline passed or a wait would pass it), if it must.
    var deadlineStopReason: String? {
        if let reason = executor.stopReason { return reason }
        if let reason = executor.deadlineStop, !deadline.hasPassed { return reason }
        if deadline.hasPassed, let budget = configuration.timeBudget {
            return deadline.instant == runEnd ? "time budget of \(RequestExecutor.seconds(budget)) s spent"
                : "time budget of \(RequestExecutor.seconds(budget)) s spent (\(RequestExecutor.seconds(confirmationSeconds)) s kept for confirmation)"
        }
        return nil
    }

    // MARK: End of run

    /// Fills the retry accounting and returns the non-gating `CF-RETRY-RATE` notice, if the share of
    /// requests that needed a retry is over the limit.
    func retryNotices() -> [ReportedFinding] {
        let retry = executor.retryStatistics
        statistics.retry = retry
        let firstTries = statistics.requests - statistics.retries
        guard firstTries >= 20 else { return [] }
        let share = Double(retry.retriedRequests) / Double(firstTries)
        guard share > configuration.retryShareLimit else { return [] }
        let percent = String(format: "%.1f%%", share * 100)
        let limit = String(format: "%.0f%%", configuration.retryShareLimit * 100)
        let finding = Finding(check: .retryRate, detail: "share",
                              message: "\(retry.retriedRequests) of \(firstTries) requests (\(percent)) needed a retry: \(retry.summary)",
                              expected: "at most \(limit) of requests need a retry",
                              observed: "\(percent); slowest \(retry.slowest.first.map { String(format: "%.1f s", $0.seconds) } ?? "-")",
                              evidence: [])
        return [ReportedFinding(finding: finding, status: .notice, occurrences: 1,
                                origin: .run(description: "retry accounting"), reproduction: [])]
    }

    /// Throws when nothing but the preflight was answered and the run was stopped by the target or the deadline.
    func requireSomethingTested() throws(RunAbort) {
        guard executor.answered <= 1, let reason = statistics.stoppedEarly ?? deadlineStopReason,
              executor.keyRefusal == nil else { return }
        throw RunAbort.untestable(url: configuration.endpointURL, reason: "\(reason); nothing could be tested")
    }
}
