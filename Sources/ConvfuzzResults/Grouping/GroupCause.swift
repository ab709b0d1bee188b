import ConvfuzzOracle

/// The sentence that names a group's cause in the spec's terms.
enum GroupCause {
    /// The cause of a group with this key, headline check and members.
    static func sentence(key: String, check: CheckID, members: [ReportedFinding], parameters: [String]) -> String {
        let count = members.count
        if key.hasPrefix("walk:") {
            return walkSentence(step: String(key.dropFirst("walk:".count)), members: members)
        }
        if key.hasPrefix("semantics:") {
            var checks: [String] = []
            for member in members where !checks.contains(member.finding.check.rawValue) { checks.append(member.finding.check.rawValue) }
            let name = parameters.first ?? "?"
            return "\(name) does not select the items the spec says; seen in \(count) finding\(count == 1 ? "" : "s") over it (\(checks.joined(separator: ", ")))"
        }
        if key.hasPrefix("status:") {
            let detail = FindingGrouper.signatureDetail(members[0].finding.signature)
            let list = parameters.isEmpty ? "" : " on \(parameters.count) parameter\(parameters.count == 1 ? "" : "s") (\(parameters.joined(separator: ", ")))"
            return "\(check.title) (\(detail)): the same status class\(list); seen \(count) time\(count == 1 ? "" : "s")"
        }
        if key.hasPrefix("answer:") {
            let detail = FindingGrouper.signatureDetail(members[0].finding.signature)
            let list = parameters.isEmpty ? "" : " on \(parameters.count) parameter\(parameters.count == 1 ? "" : "s") (\(parameters.joined(separator: ", ")))"
            return "\(check.title) (\(detail)): the same answer\(list); seen \(count) time\(count == 1 ? "" : "s")"
        }
        let subject = parameters.isEmpty ? "" : " for \(parameters.joined(separator: ", "))"
        return "\(check.title)\(subject); seen \(count) time\(count == 1 ? "" : "s")"
    }

    private static func walkSentence(step: String, members: [ReportedFinding]) -> String {
        let what: String
        switch step {
        case "dup": what = "a cursor walk returns an item twice"
        case "loop": what = "a cursor walk does not end (a cursor repeats or the page bound is reached)"
        case "has_more": what = "a page says has_more=true but no further item follows"
        case "order": what = "the declared order breaks across a page boundary"
        default: what = "a cursor walk holds other items at another page size: items are lost or gained between pages"
        }
        let walks = members.compactMap { reported -> Int? in
            if case .walk(_, let size) = reported.origin { return size }
            return nil
        }
        let comparisons = members.count - walks.count
        var seen = "seen in \(walks.count) walk\(walks.count == 1 ? "" : "s")"
        if let low = walks.min(), let high = walks.max() {
            seen += low == high ? " at page size \(low)" : " at page sizes \(low)–\(high)"
        }
        if comparisons > 0 {
            // The has-more step also holds single pages (a flag without a cursor, an empty page claiming more).
            let what = step == "has_more" ? "other finding" : "comparison"
            seen += " and \(comparisons) \(what)\(comparisons == 1 ? "" : "s")" + (step == "has_more" ? " of the same flag" : " of walks it implies")
        }
        return "\(what); \(seen)"
    }
}
