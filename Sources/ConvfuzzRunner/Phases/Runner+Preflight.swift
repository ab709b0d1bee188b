import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Sends the plainest request: an unreachable target, a refused key or a first answer that cannot
    /// be used (stalled, reset, oversized, throttled) stops the run (exit 3), saying what was seen.
    /// The preflight has its own deadline (`preflightSeconds`, within the budget), retries included.
    func preflight() throws(RunAbort) {
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
                throw RunAbort.untestable(url: url, reason: "the time budget was spent before the first answer")
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
        let classification = classifier.classify([], issuedCursors: issued)
        let findings = responseOracle.check(classification: classification, response: response)
        ledger.record(findings, origin: .walk(query: "", pageSize: spec.pagination.defaultPageSize),
                      replay: .walk(query: "", pageSize: spec.pagination.defaultPageSize, companion: nil),
                      confirm: .rerun { [self] in
                          responseOracle.check(classification: classification, response: executor.execute(""))
                      })
        announce(findings)
    }
}
