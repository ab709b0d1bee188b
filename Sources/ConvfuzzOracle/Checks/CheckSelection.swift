/// The check ids a run runs and judges: `--checks ID,…` and `--exclude-checks ID,…`.
///
/// A finding of a check the selection leaves out is never reported, and a phase whose every check
/// is left out sends nothing. Each list names ids (`CF-WALK-DUP`, any letter case), a prefix
/// pattern ending in `*` (`CF-WALK-*`, `CF-META-*`), or `all`. An exclusion always wins over an
/// inclusion (as in Schemathesis: `--checks` is applied first, then `--exclude-checks`); a
/// selection that leaves no check at all is refused.
public struct CheckSelection: Sendable, Codable, Hashable {
    /// The checks run and judged, in catalogue order.
    public let checks: [CheckID]
    /// The `--checks` list as given (nil: every check).
    public let included: String?
    /// The `--exclude-checks` list as given (nil: none excluded).
    public let excluded: String?

    /// Every check (no `--checks`, no `--exclude-checks`).
    public static let all = CheckSelection(checks: CheckID.allCases, included: nil, excluded: nil)

    private init(checks: [CheckID], included: String?, excluded: String?) {
        self.checks = checks
        self.included = included
        self.excluded = excluded
    }

    // MARK: Parsing

    /// The selection the two lists name; throws naming the first unknown id (with the closest known
    /// one), an empty element, or a selection that leaves no check.
    public static func parse(checks included: String?, exclude excluded: String?) throws(CheckSelectionError) -> CheckSelection {
        let chosen = try included.map { text throws(CheckSelectionError) in try ids(in: text, option: "--checks") }
            ?? CheckID.allCases
        let dropped = try excluded.map { text throws(CheckSelectionError) in try ids(in: text, option: "--exclude-checks") } ?? []
        let left = CheckID.allCases.filter { chosen.contains($0) && !dropped.contains($0) }
        guard !left.isEmpty else { throw .nothingLeft(included: included, excluded: excluded) }
        return CheckSelection(checks: left, included: included, excluded: excluded)
    }

    /// The ids one comma-separated list names, in catalogue order.
    static func ids(in text: String, option: String) throws(CheckSelectionError) -> [CheckID] {
        var named = Set<CheckID>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.trimmingSpaces
            guard !word.isEmpty else { throw .emptyElement(option: option, list: text) }
            if word.lowercased() == "all" {
                named.formUnion(CheckID.allCases)
            } else if word.hasSuffix("*") {
                let prefix = String(word.dropLast()).uppercased()
                let matched = CheckID.allCases.filter { $0.rawValue.hasPrefix(prefix) }
                guard !matched.isEmpty else { throw .noMatch(option: option, pattern: word) }
                named.formUnion(matched)
            } else if let check = CheckID(text: word) {
                named.insert(check)
            } else {
                throw .unknown(option: option, id: word, closest: CheckID.closest(to: word))
            }
        }
        return CheckID.allCases.filter(named.contains)
    }

    // MARK: Asking

    /// True when every check is selected.
    public var isAll: Bool { checks.count == CheckID.allCases.count }

    /// True when `check` is run and judged.
    public func contains(_ check: CheckID) -> Bool { isAll || checks.contains(check) }

    /// True when any of `candidates` is selected: a phase that can report only `candidates` runs.
    public func selectsAny<S: Sequence>(of candidates: S) -> Bool where S.Element == CheckID {
        candidates.contains(where: contains)
    }

    /// True when any check of `category` is selected.
    public func selectsAny(in category: CheckCategory) -> Bool {
        selectsAny(of: CheckID.allCases.filter { $0.category == category })
    }

    /// The findings of selected checks, in their order.
    public func filter(_ findings: [Finding]) -> [Finding] {
        isAll ? findings : findings.filter { contains($0.check) }
    }

    /// One line for reports: `CF-WALK-DUP, CF-WALK-ORDER (2 of 46 checks; --checks CF-WALK-DUP,CF-WALK-ORDER)`,
    /// or `all 46 checks`.
    public var summary: String {
        let total = CheckID.allCases.count
        if isAll && included == nil && excluded == nil { return "all \(total) checks" }
        var given: [String] = []
        if let included { given.append("--checks \(included)") }
        if let excluded { given.append("--exclude-checks \(excluded)") }
        let list = checks.count <= 8 ? checks.map(\.rawValue).joined(separator: ", ") + " " : ""
        return "\(list)(\(checks.count) of \(total) checks; \(given.joined(separator: " ")))"
    }
}

/// Why `--checks` or `--exclude-checks` was refused.
public enum CheckSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An id that is no check; `closest` is the nearest known id by edit distance.
    case unknown(option: String, id: String, closest: CheckID)
    /// A pattern `CF-…*` that matches no check.
    case noMatch(option: String, pattern: String)
    /// An empty element (`CF-ORDER,,CF-SCHEMA` or an empty list).
    case emptyElement(option: String, list: String)
    /// The exclusions remove every included check.
    case nothingLeft(included: String?, excluded: String?)

    /// One line naming what was wrong.
    public var description: String {
        switch self {
        case .unknown(let option, let id, let closest):
            return "\(option): unknown check id \(id); did you mean \(closest.rawValue)? (`convfuzz explain --list` lists them)"
        case .noMatch(let option, let pattern):
            return "\(option): \(pattern) matches no check id (`convfuzz explain --list` lists them)"
        case .emptyElement(let option, let list):
            return "\(option): empty check id in '\(list)'; give ids separated by commas, e.g. CF-WALK-DUP,CF-ORDER"
        case .nothingLeft(let included, let excluded):
            let given = [included.map { "--checks \($0)" }, excluded.map { "--exclude-checks \($0)" }].compactMap { $0 }
            return given.joined(separator: " with ") + " leave\(given.count == 1 ? "s" : "") no check to run (an exclusion wins over an inclusion)"
        }
    }
}

// MARK: - Private

extension Substring {
    fileprivate var trimmingSpaces: String {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
