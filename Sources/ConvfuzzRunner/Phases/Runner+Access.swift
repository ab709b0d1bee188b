import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Runs the auth phase (wrong keys, header-name spellings) and, with a second key, the tenancy
    /// phase, and records their findings. Runs after discovery: tenancy needs the discovery walk.
    func checkAccess() throws(RunAbort) {
        let auth = AuthPhase(configuration: configuration, traffic: executor.traffic)
        report("auth", done: 0, total: auth.variants.count)
        let result = auth.run()
        accessRequests += result.requests
        if let skipped = result.skipped {
            accessNotes.append("auth checks skipped: \(skipped)")
        } else {
            accessNotes.append("auth: \(result.outcomes.count) credential variants sent")
        }
        let header = spec.auth.header
        for outcome in result.outcomes {
            let description = outcome.variant.description(header: header)
            let variant = outcome.variant
            ledger.record(outcome.findings, origin: .auth(description: description),
                          replay: .auth(query: "", variant: variant, description: description),
                          confirm: .rerun { [self] in rerunAuth(variant, query: "") })
            announce(outcome.findings)
        }
        guard configuration.secondKey != nil else { return }
        guard let discovery else {
            accessNotes.append("tenancy checks skipped: no discovery walk")
            return
        }
        report("tenancy", done: 0, total: 1)
        let phase = TenancyPhase(configuration: configuration, basePairs: discoveryPairs(), traffic: executor.traffic)
        let tenancy = try phase.run(firstWalk: discovery)
        accessRequests += tenancy.requests
        statistics.walks += 1
        statistics.pagesWalked += tenancy.pagesWalked
        accessNotes.append("tenancy: \(tenancy.checks.count) checks between the first and the second key")
        for check in tenancy.checks {
            ledger.record(check.findings, origin: .tenancy(description: check.description),
                          replay: .tenancy(kind: check.kind, query: check.query, credential: check.credential,
                                           description: check.description),
                          confirm: .rerun { [self] in rerunTenancy() })
            announce(check.findings)
        }
    }

    /// Sends one auth variant again (derived from the current key) and re-checks it.
    func rerunAuth(_ variant: KeyVariant, query: String) -> [Finding] {
        let (outcome, requests) = AuthPhase(configuration: configuration, traffic: executor.traffic).probe(variant, query: query)
        accessRequests += requests
        return outcome.findings
    }

    /// Runs the tenancy phase again against the current base walk; every finding it makes.
    func rerunTenancy() -> [Finding] {
        guard configuration.secondKey != nil, let discovery else {
            progress.note("note: a tenancy finding needs --second-key-env to be re-checked")
            return []
        }
        do {
            let result = try TenancyPhase(configuration: configuration, basePairs: discoveryPairs(), traffic: executor.traffic).run(firstWalk: discovery)
            accessRequests += result.requests
            return result.findings
        } catch {
            progress.note("note: \(error)")
            return []
        }
    }
}
