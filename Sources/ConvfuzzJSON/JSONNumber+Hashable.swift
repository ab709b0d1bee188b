extension JSONNumber: Hashable {
    /// Numeric equality: integers exactly, otherwise by `Double` (`1 == 1.0`, `-0 == 0`).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isInteger && rhs.isInteger {
            switch (lhs.int64Value, rhs.int64Value) {
            case let (left?, right?):
                return left == right
            case (nil, nil):
                // Both outside Int64; grammar-valid integer text is canonical
                // (no leading zeros, and "-0" fits Int64), so text equality is exact.
                return lhs.text == rhs.text
            default:
                return false
            }
        }
        return lhs.doubleValue == rhs.doubleValue
    }

    /// Hashes the `Double` value (with `-0` folded into `0`), consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue + 0.0)
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The raw text.
    public var description: String { text }
}
