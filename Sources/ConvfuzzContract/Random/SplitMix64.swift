/// SplitMix64 (Steele, Lea, Flood 2014; Vigna's reference `splitmix64.c`), used only to
/// seed and derive streams.
///
/// Each step adds the golden gamma `0x9E3779B97F4A7C15` to the state and returns the
/// state passed through the `mix` finaliser (variant 13 of Stafford's mixers).
public struct SplitMix64: RandomSource, Sendable, Hashable {
    /// The golden-ratio increment.
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The current state.
    public private(set) var state: UInt64

    /// Creates a generator whose first output is `mix(seed &+ gamma)`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        state = state &+ Self.gamma
        return Self.mix(state)
    }

    /// The SplitMix64 output finaliser.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of case `index` of run `seed` (or of a named ``SeedStream``): SplitMix64 over the pair,
    /// so every case has an independent stream and replays without generating the cases before it.
    public static func derive(seed: UInt64, index: UInt64) -> UInt64 {
        var outer = SplitMix64(seed: seed)
        let base = outer.next()
        var inner = SplitMix64(seed: base ^ mix(index &+ gamma))
        return inner.next()
    }
}
