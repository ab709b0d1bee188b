/// Where a generator's decisions come from (Hypothesis "conjecture" style).
///
/// Every draw is recorded as a `UInt64` that is the *result* of the draw (an index or an
/// offset), not raw generator output, and `0` is always the simplest result. In random mode
/// values come from a `Xoshiro256StarStar` stream (after an optional forced prefix); in replay
/// mode they are read from a recorded sequence, clamped into the requested bound, and `0` is
/// returned once the sequence is exhausted. Any sequence is therefore a valid input, which is
/// what lets the shrinker edit choices freely.
public final class ChoiceSource {
    private var rng: Xoshiro256StarStar?
    private var forced: [UInt64]
    private let replaying: [UInt64]
    private var position = 0
    private var openSpans: [(start: Int, label: String)] = []

    /// Every choice made so far, in order.
    public private(set) var recorded: [UInt64] = []
    /// Closed spans, in the order they were closed.
    public private(set) var spans: [ChoiceSpan] = []

    /// A random source; the first draws take `forced` values (clamped) instead of random ones.
    public init(random: Xoshiro256StarStar, forced: [UInt64] = []) {
        rng = random
        self.forced = forced
        replaying = []
    }

    /// A source that replays a recorded sequence.
    public init(replaying choices: [UInt64]) {
        rng = nil
        forced = []
        replaying = choices
    }

    /// The recorded choices without trailing zeros (replaying them gives the same case,
    /// since an exhausted sequence yields zeros).
    public var normalized: [UInt64] {
        var out = recorded
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// A value in `0..<bound` (`bound >= 1`).
    public func draw(below bound: Int) -> Int {
        precondition(bound >= 1, "bound must be at least 1")
        return Int(drawRaw(inclusiveMax: UInt64(bound - 1)))
    }

    /// A value in `range`; the lower bound is the simplest.
    public func draw(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound)
        let offset = drawRaw(inclusiveMax: span)
        return range.lowerBound &+ Int64(bitPattern: offset)
    }

    /// True with the given probability (compared in millionths); `false` is the simplest.
    public func bool(probability: Double) -> Bool {
        let threshold = UInt64((max(0, min(1, probability)) * 1_000_000).rounded())
        let value = next(inclusiveMax: 1) { rng in rng.next(below: 1_000_000) < threshold ? 1 : 0 }
        return value == 1
    }

    /// An element; the first is the simplest.
    public func pick<T>(from array: [T]) -> T {
        array[draw(below: array.count)]
    }

    /// An index drawn with the given non-negative weights (at least one positive); index 0 is
    /// the simplest whatever its weight.
    public func weighted(_ weights: [Int]) -> Int {
        let total = UInt64(weights.reduce(0) { $0 + max(0, $1) })
        precondition(total > 0 && !weights.isEmpty, "weights must have a positive sum")
        let value = next(inclusiveMax: UInt64(weights.count - 1)) { rng in
            var ticket = rng.next(below: total)
            for (index, weight) in weights.enumerated() {
                let w = UInt64(max(0, weight))
                if ticket < w { return UInt64(index) }
                ticket -= w
            }
            return UInt64(weights.count - 1)
        }
        return Int(value)
    }

    /// Opens a span labelled `label` at the next choice.
    public func beginSpan(_ label: String) {
        openSpans.append((recorded.count, label))
    }

    /// Closes the innermost open span.
    public func endSpan() {
        guard let open = openSpans.popLast() else { return }
        spans.append(ChoiceSpan(start: open.start, end: recorded.count, label: open.label))
    }

    private func drawRaw(inclusiveMax: UInt64) -> UInt64 {
        next(inclusiveMax: inclusiveMax) { rng in
            inclusiveMax == .max ? rng.next() : rng.next(below: inclusiveMax + 1)
        }
    }

    private func next(inclusiveMax: UInt64, random: (inout Xoshiro256StarStar) -> UInt64) -> UInt64 {
        let value: UInt64
        if !forced.isEmpty {
            value = min(forced.removeFirst(), inclusiveMax)
        } else if var generator = rng {
            value = inclusiveMax == 0 ? 0 : random(&generator)
            rng = generator
        } else if position < replaying.count {
            value = min(replaying[position], inclusiveMax)
        } else {
            value = 0
        }
        position += 1
        recorded.append(value)
        return value
    }
}
