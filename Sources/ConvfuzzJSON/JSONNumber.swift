/// A JSON number that keeps its exact text as it appeared on the wire.
///
/// `1`, `1.0`, `-0` and `1e3` keep their text, so integer-versus-number is
/// visible through ``isInteger``. Equality and hashing are by numeric value:
/// two integers compare exactly (also beyond `Int64`), anything else compares
/// as `Double`, so `1 == 1.0`. Integers beyond 2^53 that round to the same
/// `Double` are unequal to each other but each equal to that `Double`.
public struct JSONNumber: Sendable {
    /// The raw text, e.g. `"1"`, `"1.0"`, `"-0"`, `"1e3"`.
    public let text: String
    /// `true` when ``text`` has no fraction and no exponent.
    public let isInteger: Bool
    /// The value when ``text`` is an integer within `Int64` range; otherwise `nil`.
    public let int64Value: Int64?

    /// Trusted initialiser for text already known to match the JSON number grammar.
    init(validatedText text: String, isInteger: Bool, int64Value: Int64?) {
        self.text = text
        self.isInteger = isInteger
        self.int64Value = int64Value
    }

    /// Creates an integer number with canonical text (`"42"`, `"-7"`).
    public init(_ value: Int64) {
        self.init(validatedText: String(value), isInteger: true, int64Value: value)
    }

    /// Creates an integer number with canonical text (`"42"`, `"-7"`).
    public init(_ value: Int) {
        self.init(Int64(value))
    }

    /// Creates a non-integer number with the shortest text that round-trips
    /// (`1.5` → `"1.5"`, `2.0` → `"2.0"`, `1e20` → `"1e+20"`).
    ///
    /// - Precondition: `value` is finite (JSON has no NaN or infinity).
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON numbers must be finite, got \(value)")
        self.init(validatedText: value.description, isInteger: false, int64Value: nil)
    }

    /// Creates a number from raw text, or `nil` when `text` is not exactly one
    /// RFC 8259 number (no surrounding whitespace, no leading zeros, no `+`).
    public init?(text: String) {
        guard case .number(let number)? = try? JSONParser.parse(text), number.text == text else {
            return nil
        }
        self = number
    }

    /// The value as a `Double` (rounded; very large exponents give ±infinity).
    public var doubleValue: Double {
        if let int64Value { return Double(int64Value) }
        return Double(text) ?? .nan
    }
}
