import ConvfuzzContract
import ConvfuzzSpec

/// One generated request: its exact wire pairs, its intent, its expected outcome and its choices.
///
/// Case `index` of seed `seed` replays alone from `choices` (or from the seed and index).
public struct GeneratedCase: Sendable, Codable, Hashable {
    /// The run seed.
    public var seed: UInt64
    /// The case's index within the run.
    public var index: Int
    /// The query pairs exactly as sent, in order.
    public var pairs: [WirePair]
    /// What the generator set out to exercise.
    public var label: CaseLabel
    /// The wire-level verdict.
    public var classification: Classification
    /// The recorded choice sequence that regenerates this case.
    public var choices: [UInt64]

    /// Creates a case.
    public init(seed: UInt64, index: Int, pairs: [WirePair], label: CaseLabel, classification: Classification, choices: [UInt64]) {
        self.seed = seed
        self.index = index
        self.pairs = pairs
        self.label = label
        self.classification = classification
        self.choices = choices
    }

    /// The encoded query string.
    public var queryString: String { QueryCodec.queryString(pairs) }

    /// The required outcome.
    public var expectation: Expectation { classification.expectation }
}
