import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// What confirming a finding decided.
public enum ConfirmationVerdict: Sendable, Hashable {
    /// The re-run showed the same signature (or, for a corpus regression, its replay in this run did).
    case reproduced
    /// The re-run did not show it: reported, never gating.
    case flaky
    /// The finding could not be re-run; it is kept as found.
    case notRerun(NotRerun)

    /// Why a finding was not re-run.
    public enum NotRerun: Sendable, Hashable {
        /// The deadline (or the gateway's halt) left no time for a meaningful re-run.
        case deadline
        /// A signal interrupted the run.
        case interrupted
    }

    /// True when the finding is kept without a confirming re-run (it counts as unconfirmed), except a
    /// corpus regression, which its replay already confirmed.
    public func countsUnconfirmed(isCorpusRegression: Bool) -> Bool {
        guard case .notRerun = self else { return false }
        return !isCorpusRegression
    }
}

/// Confirmation: every finding's plan is re-run once through the ``Replayer`` (against a fresh base
/// walk when the plan walks); what does not reproduce is flaky. Past the deadline or after a halt a
/// finding cannot be re-run meaningfully and is kept as found; after a signal nothing is re-run at all.
public struct Confirmation: Sendable {
    /// The run's services.
    public let context: PhaseContext
    /// What findings are re-run against (refreshed with ``DiscoveryPhase/refresh(_:)`` before confirming walks).
    public let discovery: Discovery

    /// Creates the step.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Whether the entries need a fresh base walk first (some plans walk, and no signal stopped the run).
    public static func needsFreshBase(_ entries: [FindingLog.Entry], context: PhaseContext) -> Bool {
        context.configuration.stop?.signal == nil && entries.contains { !$0.isCorpusRegression && $0.plan.walks }
    }

    /// About how many requests confirming `entries` takes: one per request of a plan that sends single
    /// requests, the estimated pages (``WalkCost``) of every walk a plan walks, and a fresh base walk
    /// when some plan walks.
    static func estimatedRequests(_ entries: [FindingLog.Entry], context: PhaseContext, discovery: Discovery) -> Int {
        let cost = WalkCost(context: context, discovery: discovery)
        var total = needsFreshBase(entries, context: context) ? max(1, discovery.base?.pages.count ?? 1) : 0
        for entry in entries where !entry.isCorpusRegression {
            total += entry.plan.walks ? entry.plan.queries.reduce(0) { $0 + cost.pages(query: $1) } : max(1, entry.plan.queries.count)
        }
        return total
    }

    /// Re-runs one entry's plan; counts judged walks in `tally`.
    public func confirm(_ entry: FindingLog.Entry, tally: inout WalkTally) -> ConfirmationVerdict {
        if context.configuration.stop?.signal != nil { return .notRerun(.interrupted) }
        if entry.isCorpusRegression { return .reproduced }
        guard context.canConfirm else { return .notRerun(.deadline) }
        let again = Replayer(context: context, discovery: discovery).run(entry.plan, tally: &tally)
        if again.contains(where: { $0.signature == entry.finding.signature }) { return .reproduced }
        // A re-run cut by the deadline proves nothing either way.
        return context.canConfirm ? .flaky : .notRerun(.deadline)
    }

    /// The generated case behind a generated-case plan, regenerated from the run's seed and its choices
    /// with the discovery's pools; nil for other plans, or when regeneration does not give the same query.
    public func generatedCase(_ plan: ReplayPlan) -> GeneratedCase? {
        guard case .generatedCase(let query, let index, let choices, _) = plan else { return nil }
        let regenerated = CaseGenerator(spec: context.spec, pools: discovery.pools)
            .replay(seed: context.configuration.seed, index: index, choices: choices)
        return regenerated.queryString == query ? regenerated : nil
    }
}

// MARK: - Status

extension FindingStatus {
    /// The status a confirmed (or not re-run) finding is reported with: the one rule for a whole run
    /// and for an interrupted one. The baseline wins; a finding kept without a re-run after a signal is
    /// `unconfirmed` (a corpus regression, already confirmed by its replay, stays `new`).
    public init(verdict: ConfirmationVerdict, isCorpusRegression: Bool, inBaseline: Bool) {
        if inBaseline {
            self = .baseline
            return
        }
        switch verdict {
        case .reproduced, .notRerun(.deadline): self = .new
        case .flaky: self = .flaky
        case .notRerun(.interrupted): self = isCorpusRegression ? .new : .unconfirmed
        }
    }
}
