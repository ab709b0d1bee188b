/// A deterministic source of 64-bit values (``SplitMix64``, and the case streams' xoshiro256**).
/// Never the system generator.
public protocol RandomSource {
    /// The next 64-bit output.
    mutating func next() -> UInt64
}

// MARK: - Bounded draws

extension RandomSource {
    /// A uniform value in `0..<bound` (`bound > 0`) by Lemire's multiply-and-reject method: no modulo
    /// bias, and one multiplication in the common case. The one bounded draw of the harness.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform index in `0..<bound` (`bound > 0`).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next(below: UInt64(bound)))
    }

    /// A uniformly chosen element of a non-empty collection.
    public mutating func element<C: RandomAccessCollection>(of elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + next(below: elements.count)]
    }

    /// A Fisher–Yates shuffle driven by this source: the same seed gives the same order.
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
