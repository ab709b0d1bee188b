import ConvfuzzContract
import ConvfuzzSpec

/// Integer texts of the wrong shape (or of an unusual but possibly valid shape: leading zeros,
/// a sign, `-0`), derived from the parameter's bounds and default. The classifier decides
/// which are valid.
enum TypeViolations {
    /// Every detail, in a fixed order.
    static let details = ["decimal", "decimal-zero", "exponent", "leading-zeros", "plus-sign", "minus-zero",
                          "leading-space", "trailing-space", "plus-as-space", "empty", "null", "true",
                          "non-numeric", "hex", "unicode-digits"]

    /// The wire value of a detail (already encoded; `plus-as-space` sends a raw `+`).
    static func wireValue(_ detail: String, parameter: ParameterSpec, checker: ValueChecker) -> String {
        let low = parameter.minimum ?? 1
        let typical = parameter.defaultValue.flatMap { checker.integer($0) }
            ?? IntegerText.clamp(30, minimum: parameter.minimum, maximum: parameter.maximum)
        let five = IntegerText.clamp(5, minimum: parameter.minimum, maximum: parameter.maximum)
        let text: String
        switch detail {
        case "decimal": text = "\(low).5"
        case "decimal-zero": text = "\(typical).0"
        case "exponent": text = "\(low)e3"
        case "leading-zeros": text = "0\(typical)"
        case "plus-sign": text = "+\(five)"
        case "minus-zero": text = "-0"
        case "leading-space": text = " \(five)"
        case "trailing-space": text = "\(five) "
        case "plus-as-space": return "+\(five)"
        case "empty": text = ""
        case "null": text = "null"
        case "true": text = "true"
        case "non-numeric": text = "abc"
        case "hex": text = "0x1F"
        default: text = "\u{0661}\u{0662}"
        }
        return QueryCodec.encode(text)
    }
}
