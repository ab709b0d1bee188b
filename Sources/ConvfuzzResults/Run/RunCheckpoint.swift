/// One point of a run's series over time (``RunStatistics/overTime``): what the run had sent, covered
/// and found when a phase (or a round of `--explore`) ended, so a team can see whether a longer budget
/// still pays.
///
/// Every field but ``seconds`` follows from the seed, the spec and the target's answers, so it is the
/// same at any `--concurrency`; ``seconds`` is informational.
public struct RunCheckpoint: Sendable, Codable, Hashable {
    /// What had just ended: a ``PhaseName`` raw value, or `explore 3` for the third round of `--explore`.
    public var after: String
    /// Requests sent so far, retries included.
    public var requests: Int
    /// Seconds since the run started (wall clock: informational, not deterministic).
    public var seconds: Double
    /// Coverage cells (parameter × case class, walk page sizes, ladder steps) hit so far.
    public var coverageCells: Int
    /// Unique findings (by signature) so far.
    public var findings: Int
    /// Root-cause groups those findings form (as the reports group them).
    public var findingGroups: Int

    /// Creates a point.
    public init(after: String, requests: Int, seconds: Double, coverageCells: Int, findings: Int, findingGroups: Int = 0) {
        self.after = after
        self.requests = requests
        self.seconds = seconds
        self.coverageCells = coverageCells
        self.findings = findings
        self.findingGroups = findingGroups
    }

    // MARK: Summary

    /// At most `count` points of `series`, spread over its requests: for each of `count` equal parts of
    /// the last point's requests, the last point that had not passed it (the last point always).
    public static func spread(_ series: [RunCheckpoint], count: Int) -> [RunCheckpoint] {
        guard let last = series.last, count > 0 else { return [] }
        guard series.count > count else { return series }
        var chosen: [RunCheckpoint] = []
        for part in 1...count {
            let bound = last.requests * part / count
            guard let point = series.last(where: { $0.requests <= bound }) ?? series.first else { continue }
            if chosen.last != point { chosen.append(point) }
        }
        return chosen
    }

    /// One line for a run's series, nil when it is empty: `over time (requests · cells of 86 ·
    /// finding groups): cases 612 · 80 · 0 → walks 1,904 · 82 · 1 → explore 4 3,000 · 84 · 2`.
    public static func summaryLine(_ series: [RunCheckpoint], allowedCells: Int?) -> String? {
        let points = spread(series, count: 6)
        guard !points.isEmpty else { return nil }
        let cells = allowedCells.map { "cells of \($0)" } ?? "cells"
        let parts = points.map { "\($0.after) \(grouped($0.requests)) · \($0.coverageCells) · \($0.findingGroups)" }
        return "over time (requests · \(cells) · finding groups): " + parts.joined(separator: " → ")
    }

    /// `3109` as `3,109`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// What `--explore` sent past the fixed plan, in rounds (each: further cases, a rung more of the size
/// ladders still answered, walks over filter combinations not walked yet, further relations).
public struct ExplorationReport: Sendable, Codable, Hashable {
    /// Rounds started.
    public var rounds: Int = 0
    /// Cases past `--max-cases` sent.
    public var cases: Int = 0
    /// Size ladder steps past the fixed ladders' ceiling sent.
    public var ladderSteps: Int = 0
    /// Walks judged (each further sample at two page sizes).
    public var walks: Int = 0
    /// Further relations evaluated.
    public var relations: Int = 0
    /// Why exploration ended (the budget or the deadline), nil when it ran out of new ground.
    public var endedBy: String?

    /// Creates an empty report.
    public init() {}

    /// One line: `explore: 3 rounds: 600 cases past --max-cases, 9 ladder steps, 12 walks, 18 relations; ended: …`.
    public var summary: String {
        guard rounds > 0 else { return "explore: nothing sent" + (endedBy.map { ": \($0)" } ?? "") }
        let parts = ["\(cases) cases past --max-cases", "\(ladderSteps) larger ladder steps", "\(walks) walks", "\(relations) relations"]
        let end = endedBy.map { "; ended: \($0)" } ?? ""
        return "explore: \(rounds) round\(rounds == 1 ? "" : "s"): " + parts.joined(separator: ", ") + end
    }
}
