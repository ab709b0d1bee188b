import ConvfuzzContract
import ConvfuzzSpec

/// A size ladder: one text or list parameter sent alone with valid values whose length doubles,
/// from ``firstLength`` bytes past the spec's request-size floor (`errors.request_limit_floor`), up to
/// the first step whose request is longer than ``ceilingFactor`` times the floor.
///
/// Every step is a valid request (the ``WireClassifier`` says so on its exact pairs), so its contract
/// answer is known: below the floor exactly that answer, above it that answer or one of the spec's
/// size-limit statuses. The runner sends the steps in ascending order and stops a ladder at the first
/// step the target refuses by size or does not answer (``stops(status:transportFailed:requestBytes:)``).
/// Values come from ``CaseGenerator``'s long values with the simplest choices: no randomness at all.
public struct SizeLadder: Sendable, Hashable {
    /// One request of a ladder.
    public struct Step: Sendable, Hashable {
        /// The value's length in bytes before encoding (what doubles).
        public var valueLength: Int
        /// The exact query sent.
        public var query: String
        /// Bytes of path, `?` and query: what the spec's request-size floor counts.
        public var requestBytes: Int
    }

    /// The parameter.
    public var parameter: String
    /// The steps, shortest first.
    public var steps: [Step]

    /// The shortest value of a ladder. Shorter values are what ordinary valid cases already send
    /// (pool values, boundary texts); the shape cases' long values (10 to 32 KB) start above the floor.
    public static let firstLength = 512
    /// How far past the floor a ladder goes: its last step is the first request longer than this many
    /// times the floor. With the default 8,192-byte floor: six steps, 512 … 16,384 bytes of value, so a
    /// target that accepts the floor shows whether it still answers at twice the floor. (Four times the
    /// floor cost a debug-build default run about 10% more wall clock for one step of 12 × 32 KB.)
    public static let ceilingFactor = 2
    /// How far past the floor `--explore` takes a ladder that the target still answered at its last
    /// step: one rung more per exploration round, up to the first request longer than this many times
    /// the floor (three rungs past the fixed ladder: 32, 64 and 128 KB of value with the default floor).
    public static let exploreCeilingFactor = 16

    /// The parameters a spec gives ladders: every text parameter (a string that is not a cursor) and
    /// every list parameter, in spec order.
    public static func parameters(_ spec: Spec) -> [ParameterSpec] {
        spec.parameters.filter { $0.isList || ($0.type == .string && $0.role == nil) }
    }

    /// True when a ladder ends at a step answered this way: a size-limit status of the spec on a
    /// request longer than the floor (below the floor such a status is a finding, and the ladder goes
    /// on), or no answer at all (the connection closed, a transport error after retries).
    public static func stops(_ spec: Spec, status: Int?, transportFailed: Bool, requestBytes: Int) -> Bool {
        if transportFailed { return true }
        guard let status else { return false }
        return spec.allowsSizeRefusal(status: status, requestBytes: requestBytes)
    }

    /// The value lengths of a ladder for `parameter`: ``firstLength`` doubling until a request with a
    /// value of that length alone is longer than `factor` (by default ``ceilingFactor``) times the floor
    /// (that step is the last). A larger factor gives the same first steps and further ones.
    public static func lengths(_ spec: Spec, parameter: String, ceilingFactor factor: Int = ceilingFactor) -> [Int] {
        let fixed = spec.requestBytes(query: QueryCodec.encode(parameter) + "=")
        let ceiling = max(0, spec.errors.requestLimitFloor) * max(1, factor)
        var lengths: [Int] = []
        var length = firstLength
        while true {
            lengths.append(length)
            if fixed + length > ceiling || length > Int.max / 4 { break }
            length *= 2
        }
        return lengths
    }

    /// The ladders of a spec with these pools, in spec order, up to `factor` (by default
    /// ``ceilingFactor``) times the floor. A step whose value the classifier would not call valid is
    /// left out (a ladder with no step is left out; the coverage table shows it).
    public static func ladders(spec: Spec, pools: ValuePools, ceilingFactor factor: Int = ceilingFactor) -> [SizeLadder] {
        let generator = CaseGenerator(spec: spec, pools: pools)
        return parameters(spec).compactMap { parameter -> SizeLadder? in
            let steps = lengths(spec, parameter: parameter.name, ceilingFactor: factor).compactMap { generator.ladderStep(parameter, length: $0) }
            return steps.isEmpty ? nil : SizeLadder(parameter: parameter.name, steps: steps)
        }
    }
}

// MARK: - Values

extension CaseGenerator {
    /// One valid step of a size ladder: the long value of `length` bytes (``longValue``), or for a list
    /// whose long item is not valid (an enum item) as many valid items as fill `length` bytes of query.
    func ladderStep(_ parameter: ParameterSpec, length: Int) -> SizeLadder.Step? {
        let simplest = ChoiceSource(replaying: [])
        var candidates = [[WirePair.encoding(parameter.name, longValue(parameter, length: length, simplest))]]
        if parameter.isList {
            let item = valid.item(parameter, ChoiceSource(replaying: []))
            let pair = WirePair.encoding(parameter.name, item)
            let pairBytes = max(1, QueryCodec.queryString([pair]).utf8.count + 1)
            candidates.append(Array(repeating: pair, count: max(1, length / pairBytes)))
        }
        for pairs in candidates where classifier.classify(pairs, issuedCursors: cursorBook).expectation.isSuccess {
            let query = QueryCodec.queryString(pairs)
            return SizeLadder.Step(valueLength: length, query: query, requestBytes: spec.requestBytes(query: query))
        }
        return nil
    }
}
