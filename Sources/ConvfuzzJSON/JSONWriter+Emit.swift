extension JSONWriter {
    func write(_ value: JSONValue, into output: inout [UInt8], level: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.text.utf8)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements): writeArray(elements, into: &output, level: level)
        case .object(let object): writeObject(object, into: &output, level: level)
        }
    }

    private func writeArray(_ elements: [JSONValue], into output: inout [UInt8], level: Int) {
        output.append(ASCII.openBracket)
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(ASCII.comma) }
            newline(into: &output, level: level + 1)
            write(element, into: &output, level: level + 1)
        }
        if !elements.isEmpty { newline(into: &output, level: level) }
        output.append(ASCII.closeBracket)
    }

    private func writeObject(_ object: JSONObject, into output: inout [UInt8], level: Int) {
        let entries = sortedKeys
            ? object.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            : object.entries
        output.append(ASCII.openBrace)
        for (position, entry) in entries.enumerated() {
            if position > 0 { output.append(ASCII.comma) }
            newline(into: &output, level: level + 1)
            Self.writeString(entry.key, into: &output)
            output.append(ASCII.colon)
            if style == .pretty { output.append(ASCII.space) }
            write(entry.value, into: &output, level: level + 1)
        }
        if !entries.isEmpty { newline(into: &output, level: level) }
        output.append(ASCII.closeBrace)
    }

    @inline(__always)
    private func newline(into output: inout [UInt8], level: Int) {
        guard style == .pretty else { return }
        output.append(ASCII.newline)
        output.append(contentsOf: repeatElement(ASCII.space, count: 2 * level))
    }

    /// Writes `text` quoted, escaping `"`, `\` and U+0000…U+001F.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(ASCII.quote)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < ASCII.space || byte == ASCII.quote || byte == ASCII.backslash else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: byte, into: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        output.append(ASCII.quote)
    }

    private static func appendEscape(for byte: UInt8, into output: inout [UInt8]) {
        output.append(ASCII.backslash)
        switch byte {
        case ASCII.quote, ASCII.backslash: output.append(byte)
        case ASCII.newline: output.append(ASCII.lowerN)
        case ASCII.carriageReturn: output.append(ASCII.lowerR)
        case ASCII.tab: output.append(ASCII.lowerT)
        case 0x08: output.append(ASCII.lowerB)
        case 0x0C: output.append(ASCII.lowerF)
        default:
            let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
            output.append(contentsOf: [ASCII.lowerU, ASCII.zero, ASCII.zero, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
    }
}
