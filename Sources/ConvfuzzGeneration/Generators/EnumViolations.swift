import ConvfuzzContract

/// Values just outside an enum: unknown, case variants, empty, look-alikes, invisible and
/// surrounding characters. The classifier decides (a variant may collide with a real value).
enum EnumViolations {
    /// Every detail, in a fixed order.
    static let details = ["unknown", "upper", "title", "empty", "homoglyph", "zero-width-joiner",
                          "trailing-space", "leading-space"]

    /// A violating variant of `base` (one of `values`).
    static func value(_ detail: String, base: String, values: [String], _ source: ChoiceSource) -> String {
        switch detail {
        case "unknown":
            let tokens = SimpleText.unknownTokens.filter { token in !values.contains { ByteOrder.same($0, token) } }
            return tokens.isEmpty ? base + "_unknown" : source.pick(from: tokens)
        case "upper": return base.uppercased()
        case "title": return Homoglyphs.title(base)
        case "empty": return ""
        case "homoglyph": return Homoglyphs.substitute(base, source)
        case "zero-width-joiner": return Homoglyphs.zeroWidth(base, source)
        case "trailing-space": return base + " "
        default: return " " + base
        }
    }
}
