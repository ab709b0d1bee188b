extension JSONByteParser {
    /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` at `position`.
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        let negative = bytes[position] == ASCII.minus
        if negative { position += 1 }
        guard position < bytes.count else { throw truncated() }
        let integerStart = position
        var magnitude: Int64 = 0
        if bytes[position] == ASCII.zero {
            position += 1
            if position < bytes.count && ASCII.isDigit(bytes[position]) {
                throw failure("leading zeros are not allowed in numbers", at: integerStart)
            }
        } else if ASCII.isDigit(bytes[position]) {
            while position < bytes.count && ASCII.isDigit(bytes[position]) {
                if position - integerStart < 18 {
                    magnitude = magnitude &* 10 &+ Int64(bytes[position] &- ASCII.zero)
                }
                position += 1
            }
        } else {
            throw unexpected(expecting: "a digit")
        }
        let integerDigits = position - integerStart
        var isInteger = true
        if position < bytes.count && bytes[position] == ASCII.period {
            isInteger = false
            position += 1
            try skipDigits(after: "'.'")
        }
        if position < bytes.count && (bytes[position] == ASCII.lowerE || bytes[position] == ASCII.upperE) {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == ASCII.plus || bytes[position] == ASCII.minus) {
                position += 1
            }
            try skipDigits(after: "the exponent marker")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard isInteger else {
            return JSONNumber(validatedText: text, isInteger: false, int64Value: nil)
        }
        let int64Value = integerDigits <= 18 ? (negative ? -magnitude : magnitude) : Int64(text)
        return JSONNumber(validatedText: text, isInteger: true, int64Value: int64Value)
    }

    /// Requires at least one digit at `position` and skips all digits.
    private mutating func skipDigits(after what: String) throws(JSONParseError) {
        guard position < bytes.count else { throw truncated() }
        guard ASCII.isDigit(bytes[position]) else { throw unexpected(expecting: "a digit after \(what)") }
        while position < bytes.count && ASCII.isDigit(bytes[position]) {
            position += 1
        }
    }
}
