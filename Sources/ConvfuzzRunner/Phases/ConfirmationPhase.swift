import ConvfuzzGeneration
import ConvfuzzOracle

/// Confirmation: every finding is re-run once against a fresh base walk; what does not reproduce is
/// flaky. Past the deadline or after a stop, a finding cannot be re-run meaningfully and is kept as
/// found (counted unconfirmed); after a signal nothing is re-run at all.
public struct ConfirmationPhase: Sendable {
    /// The verdict on one entry.
    public struct Verdict: Sendable {
        /// True when the finding reproduced (or could not be re-run and is kept as found).
        public var reproduced: Bool
        /// True when the finding is kept without a confirming re-run.
        public var unconfirmed: Bool
        /// True when the run was interrupted: the finding is reported as found, unconfirmed.
        public var interrupted: Bool
    }

    /// The run's services.
    public let context: PhaseContext
    /// What findings are re-run against (refreshed with ``DiscoveryPhase/refresh(_:)`` before confirming walks).
    public let discovery: Discovery

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Whether the entries need a fresh base walk first (some re-run walks, and no signal stopped the run).
    public static func needsFreshBase(_ entries: [FindingLog.Entry], context: PhaseContext) -> Bool {
        context.configuration.stop?.signal == nil
            && entries.contains { if case .replay = $0.confirm { return true } else { return false } }
    }

    /// Re-runs one entry; counts judged walks in `tally`.
    public func confirm(_ entry: FindingLog.Entry, tally: inout WalkTally) -> Verdict {
        let signature = entry.finding.signature
        let interrupted = context.configuration.stop?.signal != nil
        let canConfirm = context.canConfirm
        if interrupted { return Verdict(reproduced: true, unconfirmed: !entry.isCorpusRegression, interrupted: true) }
        if !canConfirm { return Verdict(reproduced: true, unconfirmed: true, interrupted: false) }
        switch entry.confirm {
        case .generatedCase(let generated):
            return resent(context.check(generated), signature: signature)
        case .response(let query):
            return resent(context.check(query: query, issued: discovery.issued), signature: signature)
        case .replay:
            if WalkJudge(context: context, discovery: discovery).rerun(entry.replay, tally: &tally)
                .contains(where: { $0.signature == signature }) {
                return Verdict(reproduced: true, unconfirmed: false, interrupted: false)
            }
            let cut = !context.canConfirm
            return Verdict(reproduced: cut, unconfirmed: cut, interrupted: false)
        case .none:
            return Verdict(reproduced: true, unconfirmed: false, interrupted: false)
        }
    }

    /// The verdict on one re-sent request: reproduced when the signature is found again, or when the
    /// deadline cut the re-send (a cut answer proves nothing either way).
    private func resent(_ again: [Finding], signature: String) -> Verdict {
        Verdict(reproduced: again.contains { $0.signature == signature } || !context.canConfirm,
                unconfirmed: false, interrupted: false)
    }
}
