import ConvfuzzOracle

/// Phase 8, step 1: every unique finding is re-run once; one that does not reproduce is flaky.
///
/// Walk and relation findings are re-run against a fresh base walk (``DiscoveryPhase/refresh(_:)``),
/// so that data which changed since discovery (a live target) cannot make a completeness check fail twice.
public struct ConfirmationPhase: Sendable {
    /// One finding after its re-run.
    public struct Confirmed: Sendable {
        /// The log entry.
        public var entry: FindingLog.Entry
        /// Whether the re-run showed the same signature again.
        public var reproduced: Bool
    }

    /// The run's services.
    public let context: PhaseContext
    /// What re-runs are judged against.
    public let discovery: Discovery

    /// Creates the step.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Re-runs every entry, in order.
    public func run(_ entries: [FindingLog.Entry]) -> [Confirmed] {
        var discovery = discovery
        if entries.contains(where: { if case .replay = $0.confirm { return true } else { return false } }) {
            discovery = DiscoveryPhase(context: context).refresh(discovery)
        }
        let judge = WalkJudge(context: context, discovery: discovery)
        var confirmed: [Confirmed] = []
        for (position, entry) in entries.enumerated() {
            context.progress.report("confirming", done: position, total: entries.count, findings: entries.count)
            let signature = entry.finding.signature
            let reproduced: Bool
            switch entry.confirm {
            case .generatedCase(let generated):
                reproduced = context.responseOracle.check(classification: generated.classification,
                                                          response: context.executor.execute(generated.queryString))
                    .contains { $0.signature == signature }
            case .response(let query):
                reproduced = context.check(query: query).contains { $0.signature == signature }
            case .replay:
                reproduced = judge.rerun(entry.replay).contains { $0.signature == signature }
            case .none:
                reproduced = true
            }
            confirmed.append(Confirmed(entry: entry, reproduced: reproduced))
        }
        return confirmed
    }
}
