import ConvfuzzOracle

/// Groups a run's findings by root cause, from what the oracles know about each finding.
///
/// The rules, in order:
/// 1. **A broken walk.** A walk finding that shows a walk's items depend on how it was paged
///    (`CF-WALK-DUP`, `CF-WALK-LOOP`, `CF-WALK-PAGESIZE`) is a root: every comparison of walk
///    sets (completeness, reverse order, cursor reuse, the metamorphic relations, other page-size
///    differences) is implied by it, since each compares walks paged the same broken way. They join
///    the root's group, whose step is the root's (dup, loop, items lost or gained between pages).
///    Walk findings that do not change the set (`CF-WALK-HASMORE`, `CF-WALK-ORDER`) form one group
///    per step.
/// 2. **A wrong status class.** Status and validation-error findings with the same check and the
///    same normalised detail (the case class and the status seen) are one group across parameters:
///    a lax integer reader shows as `CF-STATUS-ACCEPTED|…|200` on every integer parameter.
///    A page whose has-more signal is dishonest (`CF-HASMORE-CURSOR`, or an empty page of conflicting
///    bounds claiming more) joins the `has_more` step.
/// 3. **One parameter's semantics.** Item-level filter findings, completeness, relation and
///    conflicting-bounds findings name the parameters they involve, and their shrunk examples the
///    parameters they still need; each joins the group of the parameter the most such findings
///    share (ties: the one named first), since a filter read wrongly shows in every check over it.
///    Likewise a tenancy check on identifier filters (`CF-TENANT-ID`) with the same detail: another
///    workspace's id answered the same wrong way on every identifier parameter.
/// 4. **The same check on the same parameter** (or, for checks without a parameter, on the same detail,
///    e.g. the schema path).
///
/// Everything else stays a group of one. The result is deterministic: groups come in the order of
/// their first member, members in run order.
public enum FindingGrouper {
    /// The walk checks that show a walk's set of items depends on its paging.
    static let setBreakingWalkChecks: [CheckID] = [.walkDup, .walkLoop, .walkPageSize]
    /// Walk checks that do not change the set of items.
    static let stepWalkChecks: Set<CheckID> = [.walkHasMore, .walkOrder]
    /// Checks that compare the sets of several walks: implied by a walk whose set depends on its paging.
    static let walkComparisons: Set<CheckID> = [
        .walkPageSize, .walkCompleteness, .sortReverse, .cursorReuse, .metaSubset, .metaAnd, .metaUnion,
        .metaDisjoint, .metaPartition, .metaMonotone, .metaProjection, .metaCase, .metaEmpty,
    ]

    // MARK: Grouping

    /// The groups of `findings`, in the order of each group's first member.
    ///
    /// Flaky findings (they did not reproduce) are grouped among themselves: a flaky walk finding
    /// never absorbs a confirmed one, nor the other way round.
    public static func groups(_ findings: [ReportedFinding]) -> [FindingGroup] {
        let shared = sharedParameters(findings)
        let root = setBreakingRoot(findings.filter { $0.status != .flaky })
        let flakyRoot = setBreakingRoot(findings.filter { $0.status == .flaky })
        var order: [String] = []
        var members: [String: [ReportedFinding]] = [:]
        for reported in findings {
            let flaky = reported.status == .flaky
            let key = (flaky ? flakyPrefix : "") + key(for: reported, root: flaky ? flakyRoot : root, shared: shared)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(reported)
        }
        return order.map { key in
            let flaky = key.hasPrefix(flakyPrefix)
            return makeGroup(key: flaky ? String(key.dropFirst(flakyPrefix.count)) : key, members: members[key] ?? [],
                             root: flaky ? flakyRoot : root)
        }
    }

    /// The key prefix that keeps flaky findings apart.
    static let flakyPrefix = "flaky:"

    /// The grouping key of one finding, given the run's set-breaking walk check (if any).
    static func key(for reported: ReportedFinding, root: CheckID?, shared: [String: Int] = [:]) -> String {
        let finding = reported.finding
        let check = finding.check
        if let root, check == root || walkComparisons.contains(check) || setBreakingWalkChecks.contains(check) {
            return "walk:\(step(root))"
        }
        if stepWalkChecks.contains(check) { return "walk:\(step(check))" }
        // A page whose has-more signal is dishonest: `has_more` without a cursor, or an empty page of
        // conflicting bounds that claims more (its items were right).
        if check == .hasMoreCursor || finding.isEmptyPageClaimingMore { return "walk:\(step(.walkHasMore))" }
        if semanticChecks.contains(check), let parameter = mostShared(semanticParameters(of: reported), shared) {
            return "semantics:\(parameter)"
        }
        let detail = signatureDetail(finding.signature)
        switch check.category {
        case .status, .error:
            return "status:\(check.rawValue)|\(detail)"
        case .tenancy where check == .tenantID:
            // The same answer to another workspace's id on every identifier filter: one isolation defect.
            return "answer:\(check.rawValue)|\(detail)"
        default:
            if let parameter = finding.parameter, !parameter.isEmpty { return "\(check.rawValue)|\(parameter)" }
            return "\(check.rawValue)|-|\(detail)"
        }
    }

    /// Checks that judge what a parameter selects: one item, a filtered walk, a relation, conflicting bounds.
    static let semanticChecks: Set<CheckID> = walkComparisons.subtracting([.walkPageSize, .sortReverse, .cursorReuse])
        .union([.filter, .relationEmpty])

    /// The parameters a finding names (a comparison names several, comma-separated; conflicting bounds
    /// name theirs in the detail, `low>high`).
    static func parameters(of finding: Finding) -> [String] {
        let text = finding.check == .relationEmpty && finding.parameter == nil ? signatureDetail(finding.signature)
            : (finding.parameter ?? "")
        return text.split(whereSeparator: { $0 == "," || $0 == "+" || $0 == ">" }).map(String.init).filter { !$0.isEmpty }
    }

    /// The parameters a semantic finding depends on: those it names, then those its shrunk example still
    /// needs (``ShrinkSummary/parameters``). A filter ignored whenever another parameter is present shows
    /// on every filter, and each shrunk example keeps that other parameter: the one they all share.
    static func semanticParameters(of reported: ReportedFinding) -> [String] {
        var names = parameters(of: reported.finding)
        for name in reported.shrink?.parameters ?? [] where !names.contains(name) { names.append(name) }
        return names
    }

    /// How many semantic findings depend on each parameter.
    static func sharedParameters(_ findings: [ReportedFinding]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for reported in findings where semanticChecks.contains(reported.finding.check) {
            for parameter in Set(semanticParameters(of: reported)) { counts[parameter, default: 0] += 1 }
        }
        return counts
    }

    /// The parameter of `list` the most findings share; the first of the list on a tie.
    static func mostShared(_ list: [String], _ shared: [String: Int]) -> String? {
        var best: String?
        for parameter in list where best == nil || (shared[parameter] ?? 0) > (shared[best!] ?? 0) { best = parameter }
        return best
    }

    /// The first set-breaking walk check the run found, by the order of ``setBreakingWalkChecks``.
    static func setBreakingRoot(_ findings: [ReportedFinding]) -> CheckID? {
        let seen = Set(findings.map(\.finding.check))
        return setBreakingWalkChecks.first { seen.contains($0) }
    }

    /// The step of a walk check as the key names it.
    static func step(_ check: CheckID) -> String {
        switch check {
        case .walkDup: return "dup"
        case .walkLoop: return "loop"
        case .walkHasMore: return "has_more"
        case .walkOrder: return "order"
        default: return "set"
        }
    }

    /// The third part of a `CHECK|parameter|detail` signature.
    static func signatureDetail(_ signature: String) -> String {
        let parts = signature.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 ? String(parts[2]) : ""
    }

    // MARK: Groups

    private static func makeGroup(key: String, members: [ReportedFinding], root: CheckID?) -> FindingGroup {
        let parameters = Set(members.flatMap { ($0.finding.parameter ?? "").split(separator: ",").map(String.init) })
            .subtracting([""]).sorted()
        let headline = headlineCheck(key: key, members: members, root: root)
        let representative = representativeIndex(members, headline: headline)
        let named = key.hasPrefix("walk:") ? walkParameters(members, headline)
            : key.hasPrefix("semantics:") ? [String(key.dropFirst("semantics:".count))] : parameters
        return FindingGroup(key: key, check: headline, parameters: named,
                            cause: GroupCause.sentence(key: key, check: headline, members: members, parameters: named),
                            status: status(of: members), representative: representative, members: members)
    }

    private static func headlineCheck(key: String, members: [ReportedFinding], root: CheckID?) -> CheckID {
        if key.hasPrefix("walk:"), let root, key == "walk:\(step(root))" { return root }
        if key.hasPrefix("semantics:") {
            let checks = Set(members.map(\.finding.check))
            return CheckID.allCases.first { checks.contains($0) } ?? members[0].finding.check
        }
        return members[0].finding.check
    }

    /// A walk group names the parameters of its headline check's members only (the implied
    /// comparisons name every filter of the run, which says nothing of the cause).
    private static func walkParameters(_ members: [ReportedFinding], _ headline: CheckID) -> [String] {
        Set(members.filter { $0.finding.check == headline }.compactMap(\.finding.parameter)).sorted()
    }

    /// The smallest example: a gating member of the headline check if any, with the smallest page size,
    /// the fewest requests and the shortest query.
    static func representativeIndex(_ members: [ReportedFinding], headline: CheckID) -> Int {
        func rank(_ reported: ReportedFinding) -> (Int, Int, Int, Int, Int) {
            let gating = reported.status == .new ? 0 : 1
            let headlineRank = reported.finding.check == headline ? 0 : 1
            var pageSize = Int.max
            if case .walk(_, let size) = reported.origin { pageSize = size }
            let queries = reported.reproduction.isEmpty ? reported.finding.evidence.map(\.query) : reported.reproduction
            let length = queries.reduce(0) { $0 + $1.count }
            return (headlineRank, gating, pageSize, queries.count, length)
        }
        var best = 0
        for index in members.indices.dropFirst() where rank(members[index]) < rank(members[best]) { best = index }
        return best
    }

    /// `new` when any member gates; otherwise the first of unconfirmed, baseline, notice, flaky that a member has.
    static func status(of members: [ReportedFinding]) -> FindingStatus {
        let statuses = Set(members.map(\.status))
        for status in [FindingStatus.new, .unconfirmed, .baseline, .notice, .flaky] where statuses.contains(status) {
            return status
        }
        return .flaky
    }

    /// The findings of groups, flattened in group order (what the baseline and the corpus keep).
    public static func members(of groups: [FindingGroup]) -> [ReportedFinding] {
        groups.flatMap(\.members)
    }
}
