/// The budgets and limits a run was given, as reports show them.
public struct RunSettings: Sendable, Codable, Hashable {
    /// Generated cases to send.
    public var maxCases: Int
    /// Seconds after which no new work starts, if set.
    public var timeBudget: Double?
    /// Unique findings after which the run stops, if set.
    public var maxFailures: Int?
    /// Requests in flight at once.
    public var concurrency: Int
    /// Requests per second at most, if set.
    public var rateLimit: Double?
    /// Retries of one request.
    public var retries: Int
    /// The longest `Retry-After` honoured, in seconds.
    public var maxRetryAfter: Double
    /// Valid cases that get a full cursor walk.
    public var walkSample: Int
    /// The most pages one walk may take.
    public var maxWalkPages: Int
    /// The most pages the discovery walk keeps.
    public var discoveryPages: Int
    /// Metamorphic relations planned.
    public var relationBudget: Int
    /// Requests one finding's shrinking may spend.
    public var shrinkBudget: Int
    /// The growth window (`now` or `off`).
    public var window: String

    /// Creates settings.
    public init(maxCases: Int, timeBudget: Double? = nil, maxFailures: Int? = nil, concurrency: Int, rateLimit: Double? = nil,
                retries: Int, maxRetryAfter: Double, walkSample: Int, maxWalkPages: Int, discoveryPages: Int,
                relationBudget: Int, shrinkBudget: Int, window: String) {
        self.maxCases = maxCases
        self.timeBudget = timeBudget
        self.maxFailures = maxFailures
        self.concurrency = concurrency
        self.rateLimit = rateLimit
        self.retries = retries
        self.maxRetryAfter = maxRetryAfter
        self.walkSample = walkSample
        self.maxWalkPages = maxWalkPages
        self.discoveryPages = discoveryPages
        self.relationBudget = relationBudget
        self.shrinkBudget = shrinkBudget
        self.window = window
    }

    /// The settings of a run configuration.
    public init(_ configuration: RunConfiguration) {
        self.init(maxCases: configuration.maxCases, timeBudget: configuration.timeBudget,
                  maxFailures: configuration.maxFailures, concurrency: configuration.concurrency,
                  rateLimit: configuration.rateLimit, retries: configuration.retries,
                  maxRetryAfter: configuration.maxRetryAfter, walkSample: configuration.walkSample,
                  maxWalkPages: configuration.maxWalkPages, discoveryPages: configuration.discoveryPages,
                  relationBudget: configuration.relationBudget, shrinkBudget: configuration.shrinkBudget,
                  window: configuration.window.rawValue)
    }

    /// The defaults of `convfuzz run` (for results built without a configuration).
    public static let defaults = RunSettings(maxCases: 2_000, concurrency: 8, retries: 3, maxRetryAfter: 60, walkSample: 12,
                                             maxWalkPages: 2_000, discoveryPages: 50, relationBudget: 96, shrinkBudget: 60,
                                             window: "off")
}
