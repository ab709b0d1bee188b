import ConvfuzzOracle
import ConvfuzzSpec

/// Phase 4: the auth checks (``AuthPhase``: wrong keys, header-name spellings) and, with a second key,
/// the tenancy checks (``TenancyPhase``). After discovery: tenancy compares with the discovery walk.
public struct AccessPhase: Sendable {
    /// What the access checks found.
    public struct Result: Sendable {
        /// Findings, auth first, then tenancy.
        public var findings: FindingLog
        /// One line per part: what was sent, or why it was skipped.
        public var notes: [String]
        /// Walks judged (the second key's walk).
        public var tally: WalkTally
    }

    /// The run's services.
    public let context: PhaseContext
    /// The discovery walk and its query.
    public let discovery: Discovery

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Runs the checks; throws when the target refuses the second key. `known` are the run's signatures so far.
    public func run(known: Set<String> = []) throws(RunAbort) -> Result {
        let configuration = context.configuration
        var result = Result(findings: FindingLog(known: known), notes: [], tally: WalkTally())
        let auth = AuthPhase(configuration: configuration, executor: context.executor)
        context.progress.report("auth", done: 0, total: auth.variants.count, findings: known.count)
        let probed = auth.run()
        if let skipped = probed.skipped {
            result.notes.append("auth checks skipped: \(skipped)")
        } else {
            result.notes.append("auth: \(probed.outcomes.count) credential variants sent")
        }
        let header = context.spec.auth.header
        for outcome in probed.outcomes {
            let description = outcome.variant.description(header: header)
            let fresh = result.findings.record(outcome.findings, origin: .auth(description: description),
                                               replay: .auth(query: "", variant: outcome.variant, description: description),
                                               confirm: .replay)
            context.progress.announce(fresh)
        }
        guard configuration.secondKey != nil else { return result }
        guard let base = discovery.base else {
            result.notes.append("tenancy checks skipped: no discovery walk")
            return result
        }
        context.progress.report("tenancy", done: 0, total: 1, findings: result.findings.runUniqueCount)
        let tenancy = try TenancyPhase(configuration: configuration, basePairs: discovery.basePairs, executor: context.executor)
            .run(firstWalk: base)
        result.tally.walks += 1
        result.tally.pages += tenancy.pagesWalked
        result.notes.append("tenancy: \(tenancy.checks.count) checks between the first and the second key")
        for check in tenancy.checks {
            let fresh = result.findings.record(check.findings, origin: .tenancy(description: check.description),
                                               replay: .tenancy(kind: check.kind, query: check.query, credential: check.credential,
                                                                description: check.description),
                                               confirm: .replay)
            context.progress.announce(fresh)
        }
        return result
    }
}
