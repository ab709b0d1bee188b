/// The recursive-descent state machine behind ``JSONParser``, over a contiguous buffer.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []
    /// The input ranges (start, length) of the plain keys of the objects being parsed, innermost
    /// last: a stack shared by nested objects, so that checking keys for repeats allocates nothing.
    var keyRanges: [(start: Int, count: Int)] = []
    /// Whether the last string ``parseString()`` returned was plain ASCII with no escape: then its
    /// bytes are the input between its quotes.
    var lastStringWasPlain = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one value surrounded by optional whitespace, and nothing else.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        if position == bytes.count {
            throw failure(position == 0 ? "empty input (no JSON value)" : "only whitespace, no JSON value")
        }
        if bytes.count - position >= 3, bytes[position] == 0xEF, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF {
            throw failure("byte order mark is not allowed")
        }
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("trailing data after the JSON value") }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case ASCII.space, ASCII.newline, ASCII.carriageReturn, ASCII.tab: position += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw truncated() }
        switch bytes[position] {
        case ASCII.quote:
            position += 1
            return .string(try parseString())
        case ASCII.openBrace:
            return try parseObject()
        case ASCII.openBracket:
            return try parseArray()
        case ASCII.lowerT:
            try expectLiteral("true")
            return .bool(true)
        case ASCII.lowerF:
            try expectLiteral("false")
            return .bool(false)
        case ASCII.lowerN:
            try expectLiteral("null")
            return .null
        case ASCII.minus, ASCII.zero...ASCII.nine:
            return .number(try parseNumber())
        default:
            throw unexpected()
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if position < bytes.count && bytes[position] == ASCII.closeBracket {
            position += 1
            return .array([])
        }
        var elements: [JSONValue] = []
        while true {
            elements.append(try parseValue())
            if try closesAfterElement(ASCII.closeBracket, container: "array") { return .array(elements) }
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if position < bytes.count && bytes[position] == ASCII.closeBrace {
            position += 1
            return .object(JSONObject())
        }
        var entries: [(key: String, value: JSONValue)] = []
        // While every key is plain ASCII (no escape), bytes equal exactly when the keys are equal
        // Strings, so repeats are found by length and bytes; otherwise JSONObject compares Strings.
        let base = keyRanges.count
        defer { keyRanges.removeSubrange(base...) }
        var plain = true
        var repeated = false
        while true {
            guard position < bytes.count else { throw truncated() }
            guard bytes[position] == ASCII.quote else { throw unexpected(expecting: "a string key") }
            position += 1
            let start = position
            let key = try parseString()
            if plain {
                if lastStringWasPlain {
                    let range = (start: start, count: position - 1 - start)
                    repeated = repeated || repeatsAKey(range, since: base)
                    keyRanges.append(range)
                } else {
                    plain = false
                }
            }
            skipWhitespace()
            guard position < bytes.count else { throw truncated() }
            guard bytes[position] == ASCII.colon else { throw unexpected(expecting: "':'") }
            position += 1
            skipWhitespace()
            entries.append((key: key, value: try parseValue()))
            if try closesAfterElement(ASCII.closeBrace, container: "object") {
                return .object(plain && !repeated ? JSONObject(distinctEntries: entries) : JSONObject(entries))
            }
        }
    }

    /// `true` when the plain key at `range` has the bytes of one recorded since `base`.
    private func repeatsAKey(_ range: (start: Int, count: Int), since base: Int) -> Bool {
        for index in base..<keyRanges.count {
            let other = keyRanges[index]
            guard other.count == range.count else { continue }
            var offset = 0
            while offset < range.count && bytes[other.start + offset] == bytes[range.start + offset] { offset += 1 }
            if offset == range.count { return true }
        }
        return false
    }

    /// After a container's element: consumes `,` (true: another element follows) or the closing byte
    /// (false: the container ends), and rejects a trailing comma and anything else.
    @inline(__always)
    private mutating func closesAfterElement(_ closing: UInt8, container: StaticString) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw truncated() }
        switch bytes[position] {
        case ASCII.comma:
            position += 1
            skipWhitespace()
            if position < bytes.count && bytes[position] == closing { throw failure("trailing comma in \(container)") }
            return false
        case closing:
            position += 1
            return true
        default:
            throw unexpected(expecting: "',' or '\(Character(UnicodeScalar(closing)))'")
        }
    }

    /// Consumes the opening bracket or brace and enforces ``JSONParser/maxDepth``.
    private mutating func enterContainer() throws(JSONParseError) {
        guard depth < JSONParser.maxDepth else {
            throw failure("nesting deeper than \(JSONParser.maxDepth) levels")
        }
        depth += 1
        position += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for (offset, byte) in expected.enumerated() {
            position = start + offset
            guard position < bytes.count else { throw truncated() }
            guard bytes[position] == byte else { throw unexpected(expecting: "'\(literal)'") }
        }
        position = start + expected.count
    }

    // MARK: errors

    func failure(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message: message, offset: offset ?? position, in: bytes)
    }

    func truncated() -> JSONParseError {
        JSONParseError(message: "unexpected end of input (truncated body?)", offset: bytes.count, in: bytes, isTruncation: true)
    }

    /// An error for the byte at `position` (or a truncation at the end).
    func unexpected(expecting expected: String? = nil) -> JSONParseError {
        guard position < bytes.count else { return truncated() }
        let byte = bytes[position]
        var message = byte > ASCII.space && byte < 0x7F
            ? "unexpected character '\(Character(Unicode.Scalar(byte)))'"
            : "unexpected byte 0x\(ASCII.hex2(byte))"
        if let expected { message += " (expected \(expected))" }
        return failure(message)
    }
}
