extension JSONByteParser {
    /// Parses string contents; `position` is just after the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = position
        var index = position
        var ascii = true
        // Fast path: no escapes, so the string is a slice of the input.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                position = index + 1
                lastStringWasPlain = ascii
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == ASCII.backslash { break }
            if byte < ASCII.space { throw controlCharacter(at: index) }
            if byte < 0x80 {
                index += 1
            } else {
                ascii = false
                index = try validateUTF8Sequence(at: index)
            }
        }
        guard index < bytes.count else { throw truncated() }
        lastStringWasPlain = false
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        return try parseEscapedString(from: index)
    }

    /// Slow path: copies into ``scratch`` while decoding escapes.
    private mutating func parseEscapedString(from resume: Int) throws(JSONParseError) -> String {
        var index = resume
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                position = index + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index = try decodeEscape(at: index)
                runStart = index
                continue
            }
            if byte < ASCII.space { throw controlCharacter(at: index) }
            index = byte < 0x80 ? index + 1 : try validateUTF8Sequence(at: index)
        }
        throw truncated()
    }

    /// Decodes the escape starting at the backslash at `index` into ``scratch``;
    /// returns the index after it.
    private mutating func decodeEscape(at index: Int) throws(JSONParseError) -> Int {
        guard index + 1 < bytes.count else { throw truncated() }
        let simple: UInt8
        switch bytes[index + 1] {
        case ASCII.quote: simple = ASCII.quote
        case ASCII.backslash: simple = ASCII.backslash
        case ASCII.slash: simple = ASCII.slash
        case ASCII.lowerB: simple = 0x08
        case ASCII.lowerF: simple = 0x0C
        case ASCII.lowerN: simple = ASCII.newline
        case ASCII.lowerR: simple = ASCII.carriageReturn
        case ASCII.lowerT: simple = ASCII.tab
        case ASCII.lowerU: return try decodeUnicodeEscape(at: index)
        default:
            let byte = bytes[index + 1]
            let shown = byte > ASCII.space && byte < 0x7F
                ? "'\\\(Character(Unicode.Scalar(byte)))'"
                : "'\\' followed by byte 0x\(ASCII.hex2(byte))"
            throw failure("invalid escape sequence \(shown)", at: index)
        }
        scratch.append(simple)
        return index + 2
    }

    /// Decodes `\uXXXX` (and a following low surrogate) at `index`.
    private mutating func decodeUnicodeEscape(at index: Int) throws(JSONParseError) -> Int {
        let unit = try hex4(at: index + 2)
        var scalarValue = unit
        var next = index + 6
        if (0xDC00...0xDFFF).contains(unit) {
            throw failure("lone low surrogate \\u\(hexText(unit)) in string", at: index)
        }
        if (0xD800...0xDBFF).contains(unit) {
            let lone = "lone high surrogate \\u\(hexText(unit)) in string"
            guard next < bytes.count else { throw truncated() }
            guard bytes[next] == ASCII.backslash else { throw failure(lone + " (no low surrogate follows)", at: index) }
            guard next + 1 < bytes.count else { throw truncated() }
            guard bytes[next + 1] == ASCII.lowerU else { throw failure(lone + " (no low surrogate follows)", at: index) }
            let low = try hex4(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(lone + " (followed by \\u\(hexText(low)))", at: index)
            }
            scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        }
        appendUTF8(scalarValue)
        return next
    }

    private func hex4(at index: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard index + offset < bytes.count else { throw truncated() }
            guard let digit = ASCII.hexValue(bytes[index + offset]) else {
                throw failure("invalid \\u escape: expected 4 hex digits", at: index + offset)
            }
            value = value << 4 | digit
        }
        return value
    }

    private func hexText(_ unit: UInt32) -> String {
        ASCII.hex2(UInt8(unit >> 8)) + ASCII.hex2(UInt8(unit & 0xFF))
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func controlCharacter(at index: Int) -> JSONParseError {
        failure("unescaped control character U+00\(ASCII.hex2(bytes[index])) in string", at: index)
    }

    /// Validates the multi-byte UTF-8 sequence whose lead byte is at `index`
    /// (RFC 3629: no overlongs, no surrogates, at most U+10FFFF); returns the
    /// index after it.
    private func validateUTF8Sequence(at index: Int) throws(JSONParseError) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw invalidUTF8(at: index)
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { throw truncated() }
            let byte = bytes[index + offset]
            let allowed = offset == 1 ? secondRange : 0x80...0xBF
            guard allowed.contains(byte) else { throw invalidUTF8(at: index) }
        }
        return index + length
    }

    private func invalidUTF8(at index: Int) -> JSONParseError {
        failure("invalid UTF-8 (byte 0x\(ASCII.hex2(bytes[index])))", at: index)
    }
}
