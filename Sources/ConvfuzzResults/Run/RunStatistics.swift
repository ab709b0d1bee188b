/// Counts and rates measured during a run.
public struct RunStatistics: Sendable, Codable, Hashable {
    /// Generated cases sent.
    public var cases: Int = 0
    /// Cases per expected outcome (`valid`, `empty`, `invalid`).
    public var casesByExpectation: [String: Int] = [:]
    /// HTTP requests sent, retries included.
    public var requests: Int = 0
    /// Retried requests.
    public var retries: Int = 0
    /// Cursor walks completed.
    public var walks: Int = 0
    /// Pages fetched by walks.
    public var pagesWalked: Int = 0
    /// Walks that stopped at the held-page memory bound before their end: judged page by page, but
    /// left out of completeness, page-size, reverse and relation comparisons (nil when none).
    public var walksCutByMemory: Int?
    /// Metamorphic relations evaluated.
    public var relations: Int = 0
    /// Corpus entries replayed.
    public var corpusReplayed: Int = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0
    /// Why the run stopped early, if it did.
    public var stoppedEarly: String?
    /// Retries by reason, the slowest requests and the transport conditions met.
    public var retry: RetryStatistics?
    /// Findings reported without a confirming re-run because the budget was spent or the run was stopped.
    public var unconfirmed: Int?
    /// The signal that interrupted the run (`SIGINT` or `SIGTERM`), if one did.
    public var interruptedBy: String?
    /// Requests planned and sent per phase under a request budget (`--max-requests`), if the run had one.
    public var requestBudget: RequestBudgetReport?
    /// `cases cut at N of M: why`, when a deadline or a stop left `--max-cases` unsent (nil when all were sent).
    public var casesCut: String?
    /// Cases generated past `--max-cases` by `--explore` (nil without it).
    public var exploredCases: Int?
    /// What `--explore` sent past the fixed plan, round by round in total (nil without it).
    public var exploration: ExplorationReport?
    /// Requests, coverage cells and findings at the end of every phase and `--explore` round, in run
    /// order (nil for a result without them, e.g. read from an older report).
    public var overTime: [RunCheckpoint]?
    /// The phases that sent nothing because none of their checks was selected (`--checks`,
    /// `--exclude-checks`), by ``PhaseName`` raw value; nil when every phase ran.
    public var phasesSkipped: [String]?

    /// Creates empty statistics.
    public init() {}

    /// Requests per second over the run.
    public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
}
