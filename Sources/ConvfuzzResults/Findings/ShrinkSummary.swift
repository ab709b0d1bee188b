/// What shrinking achieved for one finding.
public struct ShrinkSummary: Sendable, Codable, Hashable {
    /// Query pairs before shrinking (of a walk or relation: the filters of its first query).
    public var pairsBefore: Int
    /// Query pairs after shrinking.
    public var pairsAfter: Int
    /// Requests spent.
    public var attempts: Int
    /// Whether the shrunk case or plan failed again on its final re-run.
    public var verified: Bool
    /// A shrunk walk's page size (absent for cases and relations).
    public var pageSize: Int?
    /// How many pages of the shrunk walk show the finding (absent when the whole walk is needed).
    public var pages: Int?
    /// The parameters the shrunk example still needs, by decoded name (never the page size): what the
    /// finding depends on. A walk prefix of two pages or more needs the cursor parameter.
    public var parameters: [String]?

    /// Creates a summary.
    public init(pairsBefore: Int, pairsAfter: Int, attempts: Int, verified: Bool, pageSize: Int? = nil, pages: Int? = nil) {
        self.pairsBefore = pairsBefore
        self.pairsAfter = pairsAfter
        self.attempts = attempts
        self.verified = verified
        self.pageSize = pageSize
        self.pages = pages
    }

    /// One line for reports: `5 → 0 query pairs, the first 2 pages at page size 1, in 12 requests (re-verified)`.
    public var summary: String {
        var walk = ""
        if let pages, let pageSize {
            walk = ", the first \(pages) page\(pages == 1 ? "" : "s") at page size \(pageSize),"
        } else if let pageSize {
            walk = " at page size \(pageSize),"
        }
        return "\(pairsBefore) → \(pairsAfter) query pairs\(walk) in \(attempts) requests\(verified ? " (re-verified)" : "")"
    }
}
