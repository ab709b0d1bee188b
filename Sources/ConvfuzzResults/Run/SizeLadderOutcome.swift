/// What the target answered along one parameter's size ladder: a fact about the target, not a finding
/// (the steps' findings are reported as findings).
///
/// The answers are kept as runs of equal answers in step order, each with the request sizes (bytes of
/// path, `?` and query) of its first and last step: `200` from 550 to 4,134 bytes, then `414` from 8,230.
public struct SizeLadderOutcome: Sendable, Codable, Hashable {
    /// One run of steps that got the same answer.
    public struct Span: Sendable, Codable, Hashable {
        /// The answer: the status (`200`, `414`, `500`), or `no answer (reset)` for a transport failure.
        public var answer: String
        /// The request bytes of the span's first step.
        public var fromBytes: Int
        /// The request bytes of the span's last step.
        public var toBytes: Int

        /// Creates a span.
        public init(answer: String, fromBytes: Int, toBytes: Int) {
            self.answer = answer
            self.fromBytes = fromBytes
            self.toBytes = toBytes
        }
    }

    /// The parameter.
    public var parameter: String
    /// Steps sent.
    public var steps: Int
    /// True when the ladder stopped before its last step (a size-limit status above the floor, or no answer).
    public var stopped: Bool
    /// The answers in step order.
    public var spans: [Span]

    /// Creates an outcome.
    public init(parameter: String, steps: Int = 0, stopped: Bool = false, spans: [Span] = []) {
        self.parameter = parameter
        self.steps = steps
        self.stopped = stopped
        self.spans = spans
    }

    /// Adds one step's answer.
    public mutating func add(answer: String, requestBytes: Int) {
        steps += 1
        if let last = spans.last, last.answer == answer {
            spans[spans.count - 1].toBytes = requestBytes
        } else {
            spans.append(Span(answer: answer, fromBytes: requestBytes, toBytes: requestBytes))
        }
    }

    /// The largest request sent.
    public var largestBytes: Int { spans.last?.toBytes ?? 0 }

    // MARK: Summary

    /// One line for a run's ladders, nil when none was sent. Parameters whose ladders got the same
    /// answers in the same order share a part, with the request sizes as a range when they differ:
    /// `size ladder (request bytes): search 200 up to 2,086 bytes, 500 from 4,134, 414 from 8,230
    /// (stopped); agent_id, tag_ids 200 at every step (up to 32,807–32,810 bytes)`.
    public static func summaryLine(_ outcomes: [SizeLadderOutcome]) -> String? {
        let sent = outcomes.filter { $0.steps > 0 }
        guard !sent.isEmpty else { return nil }
        var groups: [[SizeLadderOutcome]] = []
        for outcome in sent {
            if let index = groups.firstIndex(where: { $0[0].sameAnswers(as: outcome) }) {
                groups[index].append(outcome)
            } else {
                groups.append([outcome])
            }
        }
        // Ladders whose answer changed come first: they are the news.
        let ordered = groups.filter { !$0[0].isSteady } + groups.filter { $0[0].isSteady }
        return "size ladder (request bytes): " + ordered.map(part).joined(separator: "; ")
    }

    /// True when every step got one answer and the ladder ran to its end.
    private var isSteady: Bool { spans.count == 1 && !stopped }

    /// True when `other` got the same answers in the same order and stopped alike.
    private func sameAnswers(as other: SizeLadderOutcome) -> Bool {
        stopped == other.stopped && spans.map(\.answer) == other.spans.map(\.answer)
    }

    /// The text of one group of ladders with the same answers.
    private static func part(_ group: [SizeLadderOutcome]) -> String {
        let names = group.map(\.parameter).joined(separator: ", ")
        let first = group[0]
        if first.isSteady {
            return "\(names) \(first.spans[0].answer) at every step (up to \(range(group.map { $0.spans[0].toBytes })) bytes)"
        }
        var text = names
        for position in first.spans.indices {
            let answer = first.spans[position].answer
            if position == 0, first.spans.count > 1 {
                text += " \(answer) up to \(range(group.map { $0.spans[0].toBytes })) bytes"
            } else {
                text += (position == 0 ? " " : ", ") + "\(answer) from \(range(group.map { $0.spans[position].fromBytes }))"
                if position == 0 { text += " bytes" }
            }
        }
        return text + (first.stopped ? " (stopped)" : "")
    }

    /// `8,230`, or `16,386–16,441` when the values differ.
    private static func range(_ values: [Int]) -> String {
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        return low == high ? grouped(low) : "\(grouped(low))–\(grouped(high))"
    }

    /// `8230` → `8,230`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
