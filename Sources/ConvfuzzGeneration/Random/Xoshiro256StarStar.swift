import ConvfuzzContract

/// xoshiro256** 1.0 (Blackman & Vigna 2018, reference `xoshiro256starstar.c`): the stream
/// every case draws from. Never the system generator.
///
/// Output: `rotl(s[1] &* 5, 7) &* 9`; then `t = s[1] << 17`, `s[2] ^= s[0]`, `s[3] ^= s[1]`,
/// `s[1] ^= s[2]`, `s[0] ^= s[3]`, `s[2] ^= t`, `s[3] = rotl(s[3], 45)`.
public struct Xoshiro256StarStar: RandomSource, Sendable, Hashable {
    /// The four state words.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator from raw state words (not all zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        if state == (0, 0, 0, 0) {
            self.state = (SplitMix64.gamma, 1, 2, 3)
        } else {
            self.state = state
        }
    }

    /// Creates a generator whose state is four SplitMix64 outputs from `seed`, as the authors recommend.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    /// The stream of case `index` of run `seed` (see `SplitMix64.derive`).
    public init(seed: UInt64, index: Int) {
        self.init(seed: SplitMix64.derive(seed: seed, index: UInt64(bitPattern: Int64(index))))
    }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        let result = Self.rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Self.rotl(state.3, 45)
        return result
    }

    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Equality of the state words.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.state == rhs.state }

    /// Hashes the state words.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}
