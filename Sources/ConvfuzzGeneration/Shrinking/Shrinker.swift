/// Minimises a failing case under a request budget by editing its choice sequence
/// (Hypothesis style) and regenerating, so every candidate is a real, replayable case whose
/// expected outcome is re-classified from its own wire pairs.
///
/// Passes, repeated until a whole round makes no progress or the budget runs out:
/// 1. delete the choices of one parameter (its span) — removes one query parameter;
/// 2. delete blocks of 8, 4, 2, 1 choices;
/// 3. zero blocks of 8, 4, 2, 1 choices;
/// 4. lower single choices: to 0, then by binary search towards 0.
///
/// A candidate is tried only if its normalised choices are shortlex-smaller than the current
/// case's. At the end the minimal case is run once more; if it does not fail again, earlier
/// accepted candidates are re-run (newest first) and the first that fails again is returned,
/// so the result has always failed twice; if none does, the input is returned unverified.
public struct Shrinker: Sendable {
    /// The generator that regenerates candidates.
    public let generator: CaseGenerator
    /// Attempts kept back for the final re-verification and fallbacks.
    public var reserve: Int

    /// A shrinker over a generator.
    public init(generator: CaseGenerator, reserve: Int = 3) {
        self.generator = generator
        self.reserve = reserve
    }

    /// Shrinks `failing` spending at most `budget` predicate calls.
    public func shrink(_ failing: GeneratedCase, budget: Int,
                       stillFails: (GeneratedCase) -> Bool) -> ShrinkResult {
        var state = ShrinkState(current: failing, limit: max(0, budget - min(reserve, budget)))
        var progress = true
        while progress && !state.exhausted {
            progress = false
            progress = deleteSpans(&state, stillFails) || progress
            for size in [8, 4, 2, 1] { progress = deleteBlocks(size, &state, stillFails) || progress }
            for size in [8, 4, 2, 1] { progress = zeroBlocks(size, &state, stillFails) || progress }
            progress = lowerValues(&state, stillFails) || progress
        }
        return verify(state, original: failing, budget: budget, stillFails)
    }

    func verify(_ state: ShrinkState, original: GeneratedCase, budget: Int,
                _ stillFails: (GeneratedCase) -> Bool) -> ShrinkResult {
        var attempts = state.attempts
        for candidate in state.accepted.reversed() where attempts < budget {
            attempts += 1
            if stillFails(candidate) {
                return ShrinkResult(minimal: candidate, attempts: attempts, verified: true, steps: state.accepted.count)
            }
        }
        if attempts < budget {
            attempts += 1
            if stillFails(original) {
                return ShrinkResult(minimal: original, attempts: attempts, verified: true, steps: 0)
            }
        }
        return ShrinkResult(minimal: original, attempts: attempts, verified: false, steps: 0)
    }

    /// Tries a choice sequence; adopts it when simpler and still failing.
    func attempt(_ choices: [UInt64], _ state: inout ShrinkState, _ stillFails: (GeneratedCase) -> Bool) -> Bool {
        guard !state.exhausted else { return false }
        let candidate = generator.replay(seed: state.current.seed, index: state.current.index, choices: choices)
        guard Shortlex.precedes(candidate.choices, state.current.choices),
              state.seen.insert(candidate.choices).inserted else { return false }
        state.attempts += 1
        guard stillFails(candidate) else { return false }
        state.current = candidate
        state.accepted.append(candidate)
        return true
    }

    func deleteSpans(_ state: inout ShrinkState, _ stillFails: (GeneratedCase) -> Bool) -> Bool {
        var progress = false
        let current = state.current
        let spans = generator.replayWithSpans(seed: current.seed, index: current.index, choices: current.choices).1
        for span in spans.reversed() where span.end > span.start && span.start < state.current.choices.count {
            var choices = state.current.choices
            guard span.end <= choices.count || span.start < choices.count else { continue }
            choices.removeSubrange(span.start..<min(span.end, choices.count))
            if attempt(choices, &state, stillFails) { progress = true }
        }
        return progress
    }

    func deleteBlocks(_ size: Int, _ state: inout ShrinkState, _ stillFails: (GeneratedCase) -> Bool) -> Bool {
        var progress = false
        var start = state.current.choices.count - size
        while start >= 0 && !state.exhausted {
            var choices = state.current.choices
            if start + size <= choices.count {
                choices.removeSubrange(start..<(start + size))
                if attempt(choices, &state, stillFails) { progress = true }
            }
            start -= 1
        }
        return progress
    }

    func zeroBlocks(_ size: Int, _ state: inout ShrinkState, _ stillFails: (GeneratedCase) -> Bool) -> Bool {
        var progress = false
        var start = state.current.choices.count - size
        while start >= 0 && !state.exhausted {
            var choices = state.current.choices
            if start + size <= choices.count, choices[start..<(start + size)].contains(where: { $0 != 0 }) {
                for offset in start..<(start + size) { choices[offset] = 0 }
                if attempt(choices, &state, stillFails) { progress = true }
            }
            start -= 1
        }
        return progress
    }

    func lowerValues(_ state: inout ShrinkState, _ stillFails: (GeneratedCase) -> Bool) -> Bool {
        var progress = false
        var index = 0
        while index < state.current.choices.count && !state.exhausted {
            let value = state.current.choices[index]
            if value > 0 {
                var choices = state.current.choices
                choices[index] = 0
                if attempt(choices, &state, stillFails) {
                    progress = true
                } else {
                    // Binary search for the smallest value that still fails: `low` passes, `high` fails.
                    var low: UInt64 = 0
                    var high = value
                    while high - low > 1 && !state.exhausted && index < state.current.choices.count {
                        let middle = low + (high - low) / 2
                        var trial = state.current.choices
                        trial[index] = middle
                        if attempt(trial, &state, stillFails) { high = middle; progress = true } else { low = middle }
                    }
                }
            }
            index += 1
        }
        return progress
    }
}
