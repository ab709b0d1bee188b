import ConvfuzzOracle
import ConvfuzzResults

/// Flaky findings (they did not reproduce, so they never gate) grouped by check id for the
/// summaries: one line per id with a count, unless the user asked for every finding (`--verbose`).
public struct FlakyGroups: Sendable {
    /// One check id and how many flaky findings carry it.
    public struct Group: Sendable, Hashable {
        /// The check id.
        public var check: CheckID
        /// How many unique flaky findings carry it.
        public var count: Int
    }

    /// The findings printed one by one, in report order.
    public let listed: [ReportedFinding]
    /// The flaky findings folded into groups, in check-catalogue order (empty when verbose).
    public let groups: [Group]

    /// Splits a result's findings; `verbose` lists every finding and groups none.
    public init(_ findings: [ReportedFinding], verbose: Bool) {
        guard !verbose else {
            listed = findings
            groups = []
            return
        }
        listed = findings.filter { $0.status != .flaky }
        var counts: [CheckID: Int] = [:]
        for reported in findings where reported.status == .flaky { counts[reported.finding.check, default: 0] += 1 }
        groups = counts.keys.sorted().map { Group(check: $0, count: counts[$0] ?? 0) }
    }

    /// The number of flaky findings folded into groups.
    public var foldedCount: Int { groups.reduce(0) { $0 + $1.count } }
}
