import ConvfuzzJSON

/// An exact decimal number parsed from text, compared without rounding.
///
/// Accepts `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, which covers both JSON
/// numbers and query decimals, so an item's `4.0` equals a query's `4` and
/// `9007199254740993` is not confused with `9007199254740992`.
public struct DecimalValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// True below zero (never for zero).
    let negative: Bool
    /// Significant digits (0–9), no leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The value is `0.d1d2… × 10^exponent`.
    let exponent: Int

    /// Parses text; nil when it is not a plain decimal number.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let intPart = bytes.prefix { Self.isDigit($0) }
        guard !intPart.isEmpty else { return nil }
        bytes = bytes.dropFirst(intPart.count)
        var fraction: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            fraction = bytes.dropFirst().prefix { Self.isDigit($0) }
            guard !fraction.isEmpty else { return nil }
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        var exp = 0
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                expNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            let expDigits = bytes.prefix { Self.isDigit($0) }
            guard !expDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(expDigits.count)
            let significant = expDigits.drop { $0 == UInt8(ascii: "0") }
            var magnitude = 0
            for digit in significant.prefix(12) { magnitude = magnitude * 10 + Int(digit - UInt8(ascii: "0")) }
            if significant.count > 12 { magnitude = 1_000_000_000_000 }
            exp = expNegative ? -magnitude : magnitude
        }
        guard bytes.isEmpty else { return nil }
        let all = (intPart + fraction).map { $0 - UInt8(ascii: "0") }
        let leading = all.prefix { $0 == 0 }.count
        var significant = Array(all.dropFirst(leading))
        while significant.last == 0 { significant.removeLast() }
        self.digits = significant
        self.negative = negative && !significant.isEmpty
        self.exponent = significant.isEmpty ? 0 : intPart.count - leading + exp
    }

    /// The value of a JSON number.
    public init?(_ number: JSONNumber) {
        self.init(number.text)
    }

    /// True for zero.
    public var isZero: Bool { digits.isEmpty }

    /// Orders by numeric value.
    public static func < (lhs: DecimalValue, rhs: DecimalValue) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let magnitudeLess = lessMagnitude(lhs, rhs)
        let magnitudeGreater = lessMagnitude(rhs, lhs)
        return lhs.negative ? magnitudeGreater : magnitudeLess
    }

    private static func lessMagnitude(_ lhs: DecimalValue, _ rhs: DecimalValue) -> Bool {
        if lhs.isZero || rhs.isZero { return lhs.isZero && !rhs.isZero }
        if lhs.exponent != rhs.exponent { return lhs.exponent < rhs.exponent }
        return lhs.digits.lexicographicallyPrecedes(rhs.digits)
    }

    /// A canonical text such as `-0.125e3`, for messages.
    public var description: String {
        isZero ? "0" : (negative ? "-" : "") + "0." + digits.map(String.init).joined() + "e\(exponent)"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
