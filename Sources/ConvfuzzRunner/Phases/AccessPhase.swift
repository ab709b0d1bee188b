import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Phase 4: the auth checks (``AuthProbes``: wrong keys, header-name spellings) and, with a second key,
/// the tenancy checks (``TenancyChecks``). After discovery: tenancy compares with the discovery walk.
public struct AccessPhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name (the tenancy part reports as ``PhaseName/tenancy``).
    public var name: PhaseName { .auth }
    /// The access checks run whatever the run found before.
    public var skippedWhenStopping: Bool { false }
    /// Runs for a selected auth or tenancy check; each part only for its own.
    public var reportableChecks: Set<CheckID>? { Set(CheckID.all(in: .auth) + CheckID.all(in: .tenancy)) }

    /// Runs the checks against the input's discovery walk; throws when the target refuses the second key.
    public func run(_ input: PhaseInput) throws(RunAbort) -> PhaseOutput {
        let configuration = context.configuration
        let discovery = input.discovery
        let known = input.known
        var notes: [String] = []
        var result = PhaseOutput(findings: context.findingLog(known: known))
        func output() -> PhaseOutput {
            var output = result
            output.payload = .access(notes: notes)
            return output
        }
        if context.selection.selectsAny(in: .auth) {
            let auth = AuthProbes(configuration: configuration, executor: context.executor)
            context.progress.report(.auth, done: 0, total: auth.variants.count, findings: known.count)
            let probed = auth.run()
            if let skipped = probed.skipped {
                notes.append("auth checks skipped: \(skipped)")
            } else {
                notes.append("auth: \(probed.outcomes.count) credential variants sent")
            }
            let header = context.spec.auth.header
            for outcome in probed.outcomes {
                let description = outcome.variant.description(header: header)
                let plan = ReplayPlan.auth(query: "", variant: outcome.variant, description: description)
                context.progress.announce(result.findings.record(outcome.findings, plan: plan))
            }
        } else {
            notes.append("auth checks skipped: no CF-AUTH-* check selected")
        }
        guard configuration.secondKey != nil else { return output() }
        guard context.selection.selectsAny(in: .tenancy) else {
            notes.append("tenancy checks skipped: no CF-TENANT-* check selected")
            return output()
        }
        guard let base = discovery.base else {
            notes.append("tenancy checks skipped: no discovery walk")
            return output()
        }
        context.progress.report(.tenancy, done: 0, total: 1, findings: result.findings.runUniqueCount)
        let tenancy = try TenancyChecks(configuration: configuration, basePairs: discovery.basePairs, executor: context.executor)
            .run(firstWalk: base)
        result.tally.walks += 1
        result.tally.pages += tenancy.pagesWalked
        notes.append("tenancy: \(tenancy.checks.count) checks between the first and the second key")
        for check in tenancy.checks {
            let plan = ReplayPlan.tenancy(kind: check.kind, query: check.query, credential: check.credential,
                                          description: check.description)
            context.progress.announce(result.findings.record(check.findings, plan: plan))
        }
        return output()
    }
}
