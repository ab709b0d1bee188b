import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Phase 1: the plainest request. An unreachable target, a refused key, a misconfigured target or a
/// first answer that cannot be used (stalled, reset, oversized, throttled) stops the run (exit 3),
/// saying what was seen; otherwise the answer is checked like any response.
///
/// The preflight has its own window (`preflightSeconds`, within the exploration deadline), retries included.
public struct PreflightPhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name.
    public var name: PhaseName { .preflight }
    /// The preflight always runs.
    public var skippedWhenStopping: Bool { false }

    /// Sends the request; the findings on its answer, or why the run cannot go on.
    public func run(_ input: PhaseInput) throws(RunAbort) -> PhaseOutput {
        let configuration = context.configuration
        let spec = context.spec
        let executor = context.executor
        let deadline = context.deadline
        let url = configuration.endpointURL
        let phaseEnd = deadline.instant
        let window = Clock.monotonic() + max(configuration.preflightSeconds, 1)
        deadline.reset(at: phaseEnd.map { min($0, window) } ?? window)
        let response = executor.execute("")
        let retried = executor.retryStatistics
        let cutShort = executor.deadlineStop.map { reason in
            retried.total > 0 ? "retried \(retried.summary); \(reason)" : reason
        } ?? (retried.total > 0 ? "retried \(retried.summary)" : nil)
        deadline.reset(at: phaseEnd)
        executor.clearDeadlineStop()
        if let reason = executor.stopReason { throw RunAbort.untestable(url: url, reason: "\(reason); nothing could be tested") }
        if let error = response.transportError, response.status == nil {
            switch response.transportFailure {
            case .connect?:
                throw RunAbort.unreachable(url: url, reason: error)
            case .skipped?:
                // What the tries met (e.g. `retried 1 stall`) says why no answer came in time.
                let tail = retried.total > 0 ? " (retried \(retried.summary))" : ""
                throw RunAbort.untestable(url: url, reason: "the time budget was spent before the first answer\(tail)")
            default:
                let tail = cutShort.map { " (\($0))" } ?? ""
                throw RunAbort.untestable(url: url, reason: "the first response could not be used: \(error)\(tail)")
            }
        }
        if let status = response.status, spec.auth.unauthorizedStatuses.contains(status) {
            throw RunAbort.unauthorized(url: url, status: status, keySent: configuration.apiKey != nil)
        }
        if let status = response.status, status == 429 || status == 503 {
            let tail = cutShort.map { "; \($0)" } ?? ""
            throw RunAbort.untestable(url: url, reason: "the first request kept getting HTTP \(status)\(tail)")
        }
        if let abort = EndpointCheck(target: configuration.target, path: spec.endpoint.path)
            .misconfiguration(response, url: configuration.endpointURL) {
            throw abort
        }
        let plan = ReplayPlan.request(query: "")
        var log = context.findingLog(known: input.known)
        context.progress.announce(log.record(Replayer(context: context, discovery: input.discovery).judge(plan, .response(response)),
                                             plan: plan))
        return PhaseOutput(findings: log)
    }
}
