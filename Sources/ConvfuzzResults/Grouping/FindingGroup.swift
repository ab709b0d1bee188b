import ConvfuzzOracle

/// Findings that share one root cause, reported as one entry: a headline naming the check, the
/// parameter(s) and the cause in the spec's terms, a representative (the smallest example) and
/// every member with its count.
///
/// Groups are computed from a run's findings by ``FindingGrouper``; the findings themselves stay
/// the unit of the baseline and the corpus (one signature, one file per member).
public struct FindingGroup: Sendable, Codable, Hashable {
    /// The grouping key, stable across runs of the same cause (e.g. `walk:set`, `status:CF-STATUS-ACCEPTED|200`).
    public var key: String
    /// The headline check.
    public var check: CheckID
    /// The parameters the members name, sorted (empty when none applies).
    public var parameters: [String]
    /// One sentence naming the cause, e.g. "a cursor walk holds other items at another page size; seen in 12 walks at page sizes 1–100".
    public var cause: String
    /// The group's status: `new` when any member gates, otherwise the most telling member status.
    public var status: FindingStatus
    /// The position of the representative (the smallest example) in ``members``.
    public var representative: Int
    /// How many findings the group holds.
    public var count: Int
    /// Every finding of the group, in the order the run found them.
    public var members: [ReportedFinding]

    /// Creates a group; `count` is the number of members.
    public init(key: String, check: CheckID, parameters: [String], cause: String, status: FindingStatus,
                representative: Int, members: [ReportedFinding]) {
        self.key = key
        self.check = check
        self.parameters = parameters
        self.cause = cause
        self.status = status
        self.representative = min(max(0, representative), max(0, members.count - 1))
        self.count = members.count
        self.members = members
    }

    /// The representative finding.
    public var example: ReportedFinding { members[representative] }

    /// `CHECK [param, …]` for headlines.
    public var title: String {
        parameters.isEmpty ? check.rawValue : "\(check.rawValue) [\(parameters.joined(separator: ", "))]"
    }
}
