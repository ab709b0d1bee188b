/// Exact comparison of decimal texts `[+-]?[0-9]+(\.[0-9]+)?` ("gt|gte|lt|lte compare numbers"): no
/// rounding through binary floating point, so `0.76999999999999999999 < 0.77`.
struct ExactDecimal: Comparable, Sendable {
    private let negative: Bool
    /// Integer digits without leading zeros.
    private let integer: [UInt8]
    /// Fraction digits without trailing zeros.
    private let fraction: [UInt8]

    /// Parses a decimal text, or nil when it is not one.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == 0x2B || first == 0x2D {
            negative = first == 0x2D
            bytes = bytes.dropFirst()
        }
        let dot = bytes.firstIndex(of: 0x2E)
        let integerPart = dot.map { bytes[..<$0] } ?? bytes
        let fractionPart = dot.map { bytes[($0 + 1)...] } ?? []
        func digits(_ slice: ArraySlice<UInt8>) -> Bool { slice.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard !integerPart.isEmpty, digits(integerPart), dot == nil || (!fractionPart.isEmpty && digits(fractionPart)) else {
            return nil
        }
        var integer = Array(integerPart.drop { $0 == 0x30 })
        var fraction = Array(fractionPart)
        while fraction.last == 0x30 { fraction.removeLast() }
        if integer.isEmpty && fraction.isEmpty { negative = false }
        integer = integer.map { $0 - 0x30 }
        self.negative = negative
        self.integer = integer
        self.fraction = fraction.map { $0 - 0x30 }
    }

    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        return lhs.negative ? magnitudeLess(rhs, lhs) : magnitudeLess(lhs, rhs)
    }

    private static func magnitudeLess(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Bool {
        if lhs.integer.count != rhs.integer.count { return lhs.integer.count < rhs.integer.count }
        if lhs.integer != rhs.integer { return lhs.integer.lexicographicallyPrecedes(rhs.integer) }
        return lhs.fraction.lexicographicallyPrecedes(rhs.fraction)
    }
}
