/// SplitMix64: a small, fast, deterministic 64-bit PRNG.
///
/// The dataset never touches the system RNG: every value derives from the seed.
public struct SplitMix64: Sendable {
    /// The current state.
    public private(set) var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns a value uniformly distributed in `0..<bound` (bound > 0).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        let product = next().multipliedFullWidth(by: UInt64(bound))
        return Int(product.high)
    }

    /// Returns true with probability `percent`/100.
    @inline(__always)
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }
}
