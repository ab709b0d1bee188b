import ConvfuzzContract


extension SplitMix64 {
    /// A uniform integer in `0..<bound` (rejection sampling, no modulo bias).
    mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// A Fisher–Yates shuffle driven by this generator: the same seed gives the same order.
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var out = elements
        var index = out.count - 1
        while index > 0 {
            out.swapAt(index, next(below: index + 1))
            index -= 1
        }
        return out
    }
}
