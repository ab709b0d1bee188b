/// Everything a run found and measured; reports are rendered from this.
public struct RunResult: Sendable, Codable {
    /// The spec's name.
    public var specName: String
    /// The spec's revision.
    public var specRevision: String
    /// The spec's fingerprint.
    public var specFingerprint: String
    /// The run seed.
    public var seed: UInt64
    /// The target base URL.
    public var target: String
    /// The endpoint URL.
    public var endpoint: String
    /// The auth header name (never its value).
    public var authHeader: String
    /// The environment variable holding the key, for reproduction lines.
    public var apiKeyEnv: String
    /// Whether a key was sent.
    public var authenticated: Bool
    /// The environment variable holding the second key, when tenancy was checked.
    public var secondKeyEnv: String?
    /// What the auth and tenancy phases did, one line each (e.g. why they were skipped).
    public var authNotes: [String] = []
    /// ISO 8601 start time (informational only; never influences cases).
    public var startedAt: String
    /// Counts and rates.
    public var statistics: RunStatistics
    /// Unique findings in the order found.
    public var findings: [ReportedFinding]
    /// Coverage of parameter × case class, as text rows.
    public var coverageRows: [CoverageRow]
    /// How many coverage cells the rows hold (the cells the spec allows; 0 without coverage).
    public var coverageCells: Int { coverageRows.reduce(0) { $0 + $1.counts.count } }
    /// Coverage cells the spec allows that no case hit.
    public var coverageGaps: [String]
    /// Corpus replay results.
    public var corpusReplay: [CorpusReplayOutcome]
    /// The budgets and limits the run was given.
    public var settings: RunSettings
    /// Requests over time by phase, latencies, walk lengths and statuses.
    public var traffic: TrafficSummary
    /// Why the run had to stop without judging the target further (e.g. the key was refused
    /// mid-run); what was found before is kept. Exit code 3.
    public var abortReason: String?
    /// Why the run failed its transport health gate (too many requests needed a retry; see
    /// ``TransportHealth``), if it did. The findings are kept and reported. Exit code 3.
    public var healthFailure: String?
    /// What the target is (the URL, or the embedded server's settings); shards of one run agree on it.
    public var targetIdentity: String
    /// What each size ladder got, per parameter in spec order (nil when none was sent).
    public var sizeLadders: [SizeLadderOutcome]?
    /// The command that starts the run's embedded reference server again on a fixed port, which the
    /// reproduction lines use (nil for a remote target).
    public var reproductionServer: ReproductionServer?
    /// The part of the run this result covers (`--shard I/N`).
    public var shard: Shard
    /// Which numbered units of each phase this run did.
    public var work: WorkLog

    /// Creates a result.
    public init(specName: String, specRevision: String, specFingerprint: String, seed: UInt64, target: String,
                endpoint: String, authHeader: String, apiKeyEnv: String, authenticated: Bool, startedAt: String,
                statistics: RunStatistics = RunStatistics(), findings: [ReportedFinding] = [],
                coverageRows: [CoverageRow] = [], coverageGaps: [String] = [], corpusReplay: [CorpusReplayOutcome] = [],
                settings: RunSettings = .defaults, traffic: TrafficSummary = TrafficSummary(),
                targetIdentity: String? = nil, shard: Shard = .whole, work: WorkLog = WorkLog()) {
        self.specName = specName
        self.specRevision = specRevision
        self.specFingerprint = specFingerprint
        self.seed = seed
        self.target = target
        self.endpoint = endpoint
        self.authHeader = authHeader
        self.apiKeyEnv = apiKeyEnv
        self.authenticated = authenticated
        self.startedAt = startedAt
        self.statistics = statistics
        self.findings = findings
        self.coverageRows = coverageRows
        self.coverageGaps = coverageGaps
        self.corpusReplay = corpusReplay
        self.settings = settings
        self.traffic = traffic
        self.targetIdentity = targetIdentity ?? target
        self.shard = shard
        self.work = work
    }

    /// Findings that fail the gate.
    public var gatingFindings: [ReportedFinding] { findings.filter { $0.status == .new } }

    /// The findings grouped by root cause (``FindingGrouper``).
    public var groups: [FindingGroup] { FindingGrouper.groups(findings) }

    /// Root-cause groups that fail the gate (a group gates when one of its members does).
    public var gatingGroups: [FindingGroup] { groups.filter { $0.status == .new } }

    /// Corpus entries that still fail (regressions).
    public var failingCorpusEntries: [CorpusReplayOutcome] { corpusReplay.filter(\.stillFails) }

    /// The process exit code: 0 clean, 1 new findings or a corpus entry that still fails,
    /// 3 when the run was stopped by the target (``abortReason``) or failed the transport health gate
    /// (``healthFailure``), 130 after SIGINT, 143 after SIGTERM.
    public var exitCode: Int32 {
        switch statistics.interruptedBy {
        case "SIGINT": return 130
        case "SIGTERM": return 143
        default:
            if abortReason != nil || healthFailure != nil { return 3 }
            return gatingFindings.isEmpty && failingCorpusEntries.isEmpty ? 0 : 1
        }
    }
}
