/// Hypothesis' order on choice sequences: shorter is simpler; equal lengths compare element by element.
enum Shortlex {
    /// True when `lhs` is strictly simpler than `rhs`.
    static func precedes(_ lhs: [UInt64], _ rhs: [UInt64]) -> Bool {
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        return lhs.lexicographicallyPrecedes(rhs)
    }
}
