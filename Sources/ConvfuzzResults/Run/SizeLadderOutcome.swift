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

    /// One line for a run's ladders: each parameter whose answer changed along its ladder
    /// (`search 200 up to 2,086 bytes, 500 from 4,134, 414 from 8,230 (stopped)`), then those that got
    /// one answer at every step; nil when no ladder was sent.
    public static func summaryLine(_ outcomes: [SizeLadderOutcome]) -> String? {
        let sent = outcomes.filter { $0.steps > 0 }
        guard !sent.isEmpty else { return nil }
        var parts: [String] = []
        for outcome in sent where outcome.spans.count > 1 || outcome.stopped {
            var text = outcome.parameter
            for (position, span) in outcome.spans.enumerated() {
                let isLast = position == outcome.spans.count - 1
                if position == 0, !isLast {
                    text += " \(span.answer) up to \(grouped(span.toBytes)) bytes"
                } else {
                    text += (position == 0 ? " " : ", ") + "\(span.answer) from \(grouped(span.fromBytes))"
                    if position == 0 { text += " bytes" }
                }
            }
            parts.append(text + (outcome.stopped ? " (stopped)" : ""))
        }
        let steady = sent.filter { $0.spans.count == 1 && !$0.stopped }
        for answer in orderedAnswers(steady) {
            let group = steady.filter { $0.spans[0].answer == answer }
            let largest = group.map(\.largestBytes).max() ?? 0
            parts.append("\(group.map(\.parameter).joined(separator: ", ")) \(answer) at every step (up to \(grouped(largest)) bytes)")
        }
        return "size ladder (request bytes): " + parts.joined(separator: "; ")
    }

    /// The distinct single answers of `outcomes`, in first-seen order.
    private static func orderedAnswers(_ outcomes: [SizeLadderOutcome]) -> [String] {
        var answers: [String] = []
        for outcome in outcomes where !answers.contains(outcome.spans[0].answer) { answers.append(outcome.spans[0].answer) }
        return answers
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
