/// A tiny deterministic generator (SplitMix64) for choosing relations; the same
/// seed gives the same plans on every platform and Swift version.
public struct SplitMix64: Sendable, Hashable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0), by rejection so it is unbiased.
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// The elements in a seeded Fisher–Yates order.
    public mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var out = elements
        var index = out.count - 1
        while index > 0 {
            out.swapAt(index, next(below: index + 1))
            index -= 1
        }
        return out
    }
}
