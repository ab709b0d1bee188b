import ConvfuzzContract

/// The harness's ``SplitMix64`` as a `RandomNumberGenerator`, for property tests that draw with the
/// standard library's `random(in:using:)`: reproducible, never the system generator.
public struct TestRandom: RandomNumberGenerator {
    private var source: SplitMix64

    /// A generator seeded with `seed`.
    public init(seed: UInt64) {
        source = SplitMix64(seed: seed)
    }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        source.next()
    }
}
