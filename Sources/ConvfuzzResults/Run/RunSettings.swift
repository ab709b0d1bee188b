import ConvfuzzOracle

/// The budgets and limits of a run, with their defaults: the one place either is written.
///
/// ``RunConfiguration`` holds one (its budget properties read and write these), `convfuzz run`'s
/// options default to ``defaults``, and reports show the settings a run was given.
public struct RunSettings: Sendable, Codable, Hashable {
    /// Generated cases to send.
    public var maxCases = 2_000
    /// Seconds after which no new work starts, if set.
    public var timeBudget: Double?
    /// Unique findings after which the run stops, if set.
    public var maxFailures: Int?
    /// Requests in flight at once.
    public var concurrency = 8
    /// Requests per second at most, if set.
    public var rateLimit: Double?
    /// Retries of one request on connection errors, 429 and 503.
    public var retries = 3
    /// The longest `Retry-After` honoured, in seconds; a longer one is reported and stops the run, never slept through.
    public var maxRetryAfter: Double = 60
    /// Valid cases that get a full cursor walk.
    public var walkSample = 12
    /// The most pages one walk may take before it counts as not ending.
    public var maxWalkPages = 2_000
    /// The most pages the discovery walk keeps (its items feed pools and completeness checks).
    public var discoveryPages = 50
    /// Metamorphic relations planned.
    public var relationBudget = 96
    /// Requests one finding's shrinking may spend.
    public var shrinkBudget = 60
    /// The growth window.
    public var window: WindowMode = .off
    /// Requests the whole run may send at most (retries, confirmation and shrinking included), if set.
    public var maxRequests: Int?
    /// True to keep generating cases past ``maxCases`` until the time or request budget runs out
    /// (`--explore`); nil or false keeps the fixed plan.
    public var explore: Bool?
    /// The checks run and judged (`--checks`, `--exclude-checks`); nil runs and judges every check.
    public var checks: CheckSelection?

    /// The run's request bound: ``maxRequests``, or about `rateLimit × timeBudget` when both are set
    /// (a rate-limited run with a deadline cannot send more), or nil.
    public var requestLimit: Int? {
        if let maxRequests { return maxRequests }
        guard let rateLimit, let timeBudget else { return nil }
        return max(1, Int((rateLimit * timeBudget).rounded(.down)))
    }

    /// True when ``requestLimit`` comes from `--rate-limit` and `--time-budget`, not from ``maxRequests``.
    public var requestLimitIsImplied: Bool { maxRequests == nil && requestLimit != nil }

    /// The checks run and judged: ``checks``, or every check.
    public var selection: CheckSelection { checks ?? .all }

    /// True when the run explores past ``maxCases``.
    public var explores: Bool { explore == true }

    /// The defaults.
    public init() {}

    /// The defaults of `convfuzz run`.
    public static let defaults = RunSettings()
}
