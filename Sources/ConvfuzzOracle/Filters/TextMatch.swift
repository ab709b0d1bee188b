import ConvfuzzJSON

/// Sound text and scalar comparisons: each answers true or false only when every
/// reasonable reading agrees, and nil otherwise.
enum TextMatch {
    /// Equality of two texts: true when identical code points, false when not even
    /// canonically equivalent, nil in between (a normalising target may go either way).
    static func equal(_ lhs: String, _ rhs: String) -> Bool? {
        if lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars) { return true }
        if lhs != rhs { return false }
        return nil
    }

    /// Equality of an item's scalar field with a query value, by type:
    /// strings as text, numbers by exact numeric value, booleans as `true`/`false`.
    static func fieldEquals(_ value: JSONValue, _ query: String) -> Bool? {
        switch value {
        case .string(let text):
            return equal(text, query)
        case .number(let number):
            guard let lhs = DecimalValue(number), let rhs = DecimalValue(query) else { return nil }
            return lhs == rhs
        case .bool(let flag):
            guard query == "true" || query == "false" else { return nil }
            return (query == "true") == flag
        case .null, .array, .object:
            return nil
        }
    }

    /// Whether a text could be read as a number by some target (digits, a sign, a
    /// decimal point, an exponent, spaces around, `inf`, `nan` …).
    static func looksNumeric(_ text: String) -> Bool {
        let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if trimmed.isEmpty { return false }
        if DecimalValue(trimmed) != nil || Double(trimmed) != nil { return true }
        let allowed = Set("0123456789+-.eE_, ")
        return trimmed.contains(where: \.isNumber) && trimmed.allSatisfy { allowed.contains($0) }
    }

    /// A value for messages.
    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "absent" }
        return Excerpt.clip(value.description)
    }

    /// True for an absent or null value.
    static func isNullish(_ value: JSONValue?) -> Bool {
        value == nil || value?.isNull == true
    }
}
