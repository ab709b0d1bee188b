import ConvfuzzOracle

/// A unique finding as the run reports it: the evidence, how to reproduce it, and its status.
public struct ReportedFinding: Sendable, Codable, Hashable {
    /// The oracle's finding (check id, message, expected vs observed, excerpts).
    public var finding: Finding
    /// Whether it gates.
    public var status: FindingStatus
    /// How many times the same signature was seen.
    public var occurrences: Int
    /// Where it came from.
    public var origin: FindingOrigin
    /// The encoded query strings that reproduce it, in order (after shrinking).
    public var reproduction: [String]
    /// Parameters before and after shrinking, when it was shrunk.
    public var shrink: ShrinkSummary?
    /// The corpus file that keeps it, if any.
    public var corpusFile: String?
    /// The credential the reproduction requests carry (the run's key unless an auth or tenancy check found it).
    public var credential: RequestCredential = .firstKey

    /// Creates a reported finding.
    public init(finding: Finding, status: FindingStatus, occurrences: Int, origin: FindingOrigin,
                reproduction: [String], shrink: ShrinkSummary? = nil, corpusFile: String? = nil) {
        self.finding = finding
        self.status = status
        self.occurrences = occurrences
        self.origin = origin
        self.reproduction = reproduction
        self.shrink = shrink
        self.corpusFile = corpusFile
    }
}
