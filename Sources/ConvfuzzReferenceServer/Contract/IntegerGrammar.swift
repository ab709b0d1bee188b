/// The contract's integer grammar: `[+-]?[0-9]+` within the signed 64-bit range.
enum IntegerGrammar {
    /// Parses `text`, or returns nil when it is not a contract integer.
    /// With `rejectLeadingZero` (a fault), `010` is rejected.
    static func parse(_ text: String, rejectLeadingZero: Bool = false) -> Int64? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == 0x2B || first == 0x2D {
            negative = first == 0x2D
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        if rejectLeadingZero, utf8.count > 1, utf8.first == 0x30 { return nil }
        var magnitude: UInt64 = 0
        for byte in utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(UInt64(byte - 0x30))
            if overflow1 || overflow2 { return nil }
            magnitude = added
        }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude > UInt64(Int64.max) ? nil : Int64(magnitude)
    }

    /// The `lenient-integers` fault's reading, like Python's `int()`: Unicode whitespace other than a plain
    /// space trimmed, digit-group underscores dropped, every Unicode decimal digit read as its ASCII digit.
    static func lenient(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace, scalars[start] != " " { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace, scalars[end - 1] != " " { end -= 1 }
        var out = ""
        for (offset, scalar) in scalars[start..<end].enumerated() {
            if scalar == "_", offset > 0, offset < end - start - 1 { continue }
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue, scalar.value > 0x7F {
                out += String(Int(value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `text` matches `[+-]?[0-9]+(\.[0-9]+)?`.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == 0x2B || first == 0x2D { bytes = bytes.dropFirst() }
        func digits(_ slice: ArraySlice<UInt8>) -> Bool {
            !slice.isEmpty && slice.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if let dot = bytes.firstIndex(of: 0x2E) {
            return digits(bytes[..<dot]) && digits(bytes[(dot + 1)...])
        }
        return digits(bytes)
    }
}
