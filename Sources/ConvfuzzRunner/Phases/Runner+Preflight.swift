import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Sends the plainest request: an unreachable target or a refused key stops the run (exit 3).
    func preflight() throws(RunAbort) {
        let response = executor.execute("")
        if let error = response.transportError, response.status == nil {
            throw RunAbort.unreachable(url: configuration.endpointURL, reason: error)
        }
        if let status = response.status, spec.auth.unauthorizedStatuses.contains(status) {
            throw RunAbort.unauthorized(url: configuration.endpointURL, status: status, keySent: configuration.apiKey != nil)
        }
        if let abort = EndpointCheck(target: configuration.target, path: spec.endpoint.path)
            .misconfiguration(response, url: configuration.endpointURL) {
            throw abort
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
