import ConvfuzzOracle

/// Phase 1: the plainest request. An unreachable target or a refused key stops the run (exit 3);
/// otherwise the response is checked like any other.
public struct Preflight: Sendable {
    /// What the preflight found.
    public struct Result: Sendable {
        /// Findings on the plainest response.
        public var findings: FindingLog
    }

    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// Sends the plainest request; throws when the target cannot be judged.
    public func run(known: Set<String> = []) throws(RunAbort) -> Result {
        let configuration = context.configuration
        let spec = context.spec
        let response = context.executor.execute("")
        if let error = response.transportError, response.status == nil {
            throw RunAbort.unreachable(url: configuration.endpointURL, reason: error)
        }
        if let status = response.status, spec.auth.unauthorizedStatuses.contains(status) {
            throw RunAbort.unauthorized(url: configuration.endpointURL, status: status, keySent: configuration.apiKey != nil)
        }
        let findings = context.responseOracle.check(classification: context.classifier.classify([]), response: response)
        var log = FindingLog(known: known)
        let size = spec.pagination.defaultPageSize
        let fresh = log.record(findings, origin: .walk(query: "", pageSize: size),
                               replay: .walk(query: "", pageSize: size, companion: nil), confirm: .response(query: ""))
        context.progress.announce(fresh)
        return Result(findings: log)
    }
}
