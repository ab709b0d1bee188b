import ConvfuzzContract
import ConvfuzzSpec

/// Inputs real stacks break on, per declared type: each detail is derived from what the spec says a
/// parameter is (its type, its filter's operator and semantics, its role), never from a list of faults.
///
/// | declared in the spec | details (coverage class `adversarial:<detail>`) | value sent |
/// | --- | --- | --- |
/// | an integer scalar (the `integer.pattern`) | `int-underscore`, `int-tab`, `int-newline`, `int-nbsp`, `int-fullwidth`, `int-octal`, `int-binary` | spellings lenient parsers accept: `1_0`, `\t5`, `5\n`, NBSP + `5`, `５`, `0o7`, `0b1` |
/// | a text parameter with an `eq` or `contains_ci` filter | `text-like`, `text-backslash`, `text-regex`, `text-glob`, `text-quote-control`, `text-unicode-case`, `text-nfd-fullwidth` | backend metacharacters (`%` `_`, `\`, `.*` `[` `(`, `*` `?`, quotes and control characters), alone or put into a real value; a real value with non-ASCII letters in their other case (per `case_folding`); a real value decomposed (NFD) or in fullwidth forms |
/// | a list of free strings (`wire.lists: repeated-keys`) | `list-comma-inside` | two real items joined by a comma: one value per the wire rule |
/// | a grammar with a `decimal` value compared by `gt`/`gte`/`lt`/`lte` | `decimal-just-below`, `decimal-just-above`, `decimal-extremes` | a real value moved at the 15th–20th significant digit; 2^53 ± 1, tiny and huge values (the results helper is sent too, so items show the value) |
/// | the cursor | `cursor-padding`, `cursor-unused-bits`, `cursor-other-alphabet`, `cursor-case-flip`, `cursor-percent-encoded`, `cursor-with-invalid-parameter` | an issued cursor re-spelled so that a lenient base64 decoder reads the same bytes; the same cursor with a character percent-encoded (the same value on the wire, so valid); an invalid cursor beside an invalid parameter |
///
/// The classifier decides from the exact pairs whether each is valid; the oracles judge the answer.
enum AdversarialValues {
    /// Integer spellings.
    static let integerDetails = ["int-underscore", "int-tab", "int-newline", "int-nbsp", "int-fullwidth", "int-octal", "int-binary"]
    /// Text details.
    static let textDetails = ["text-like", "text-backslash", "text-regex", "text-glob", "text-quote-control",
                              "text-unicode-case", "text-nfd-fullwidth"]
    /// Decimal details.
    static let decimalDetails = ["decimal-just-below", "decimal-just-above", "decimal-extremes"]
    /// Cursor details.
    static let cursorDetails = ["cursor-padding", "cursor-unused-bits", "cursor-other-alphabet", "cursor-case-flip",
                                "cursor-percent-encoded", "cursor-with-invalid-parameter"]

    /// The family a detail belongs to, as the coverage table names it (`adversarial:<family>`): the
    /// classes of issue 16, each counted and listed as a gap on its own.
    static func family(of detail: String) -> String {
        if integerDetails.contains(detail) { return "integer-spellings" }
        if ["text-unicode-case", "text-nfd-fullwidth"].contains(detail) { return "unicode" }
        if textDetails.contains(detail) { return "text-metacharacters" }
        if decimalDetails.contains(detail) { return "number-precision" }
        if cursorDetails.contains(detail) { return "token-mutations" }
        if detail.hasPrefix("list-") { return "list-separators" }
        return detail
    }

    /// Metacharacters per text detail.
    static let metacharacters: [String: [String]] = [
        "text-like": ["%", "_"],
        "text-backslash": ["\\", "\\%", "\\_"],
        "text-regex": [".*", ".", "[", "(", "^", "$", "+", "|"],
        "text-glob": ["*", "?", "[a-z]"],
        "text-quote-control": ["'", "\"", "`", "\t", "\n", "\r", "\u{01}", "\u{7F}"],
    ]

    /// The details that apply to a parameter, in draw order.
    static func details(_ parameter: ParameterSpec, spec: Spec) -> [String] {
        if parameter.role == .cursor { return cursorDetails }
        guard parameter.role == nil else { return [] }
        if !parameter.isList, parameter.type == .integer { return integerDetails }
        let filters = spec.filters(on: parameter.name)
        if !parameter.isList, parameter.type == .string, filters.contains(where: { [.eq, .containsCI].contains($0.op) }) {
            return textDetails
        }
        if parameter.isList, let items = parameter.items, items.type == .string, items.grammar == nil, items.values.isEmpty {
            return ["list-comma-inside"]
        }
        if parameter.isList, let grammarName = parameter.grammarName, let grammar = spec.grammars[grammarName],
           grammar.valueRules.contains(where: { $0.kind == .decimal }),
           filters.contains(where: { $0.op == .grammar && $0.results != nil }) {
            return decimalDetails
        }
        return []
    }

    // MARK: Integers

    /// The encoded wire value of an integer spelling around a valid value.
    static func integerWire(_ detail: String, parameter: ParameterSpec) -> String {
        let five = IntegerText.clamp(5, minimum: parameter.minimum, maximum: parameter.maximum)
        let digits = String(five)
        let text: String
        switch detail {
        case "int-underscore":
            text = digits.count >= 2 ? String(digits.prefix(1)) + "_" + digits.dropFirst() : digits + "_0"
        case "int-tab": text = "\t" + digits
        case "int-newline": text = digits + "\n"
        case "int-nbsp": text = "\u{00A0}" + digits
        case "int-fullwidth":
            text = String(String.UnicodeScalarView(digits.unicodeScalars.map { scalar in
                (0x30...0x39).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x30 + 0xFF10)! : scalar
            }))
        case "int-octal": text = five >= 0 && five < 8 ? "0o\(five)" : "0o7"
        default: text = five == 0 || five == 1 ? "0b\(five)" : "0b1"
        }
        return QueryCodec.encode(text)
    }

    // MARK: Text

    /// A metacharacter text: alone, put in place of a middle character of `real`, or appended to it.
    static func text(_ detail: String, real: String, _ source: ChoiceSource) -> String {
        let meta = source.pick(from: metacharacters[detail] ?? ["%"])
        let characters = Array(real)
        switch source.draw(below: 3) {
        case 0: return meta
        case 1 where characters.count >= 3:
            let middle = characters.count / 2
            return String(characters[..<middle]) + meta + String(characters[(middle + 1)...])
        default: return real + meta
        }
    }

    /// `text` in fullwidth forms (ASCII letters and digits), or nil when it has none.
    static func fullwidth(_ text: String) -> String? {
        var changed = false
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            guard (0x21...0x7E).contains(scalar.value), scalar.properties.isAlphabetic || (0x30...0x39).contains(scalar.value) else {
                return scalar
            }
            changed = true
            return Unicode.Scalar(scalar.value - 0x21 + 0xFF01)!
        }
        return changed ? String(String.UnicodeScalarView(scalars)) : nil
    }

    /// `text` with its precomposed letters decomposed (NFD), or nil when nothing decomposes.
    static func decomposed(_ text: String) -> String? {
        let result = text.decomposedStringWithCanonicalMappingPortable
        return result.unicodeScalars.elementsEqual(text.unicodeScalars) ? nil : result
    }

    // MARK: Decimals

    /// `value` (matching `[+-]?[0-9]+(\.[0-9]+)?`) moved by one unit at the `significant`-th significant
    /// digit: down (`below`) or up. Nil when the value is not such a decimal.
    static func nudged(_ value: String, below: Bool, significant: Int) -> String? {
        var text = Substring(value)
        var negative = false
        if let first = text.first, first == "+" || first == "-" {
            negative = first == "-"
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        let integer = String(parts[0])
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        let intSignificant = integer.drop { $0 == "0" }.count
        let scale = max(fraction.count + 1, significant - intSignificant)
        fraction += String(repeating: "0", count: scale - fraction.count)
        // |value| × 10^scale as digits; moving the magnitude away from zero or toward it.
        var digits = Array((integer + fraction).utf8).map { Int($0) - 48 }
        let up = below == negative
        if up {
            var index = digits.count - 1
            while index >= 0 {
                if digits[index] < 9 { digits[index] += 1; break }
                digits[index] = 0
                index -= 1
            }
            if index < 0 { digits.insert(1, at: 0) }
        } else {
            if digits.allSatisfy({ $0 == 0 }) {
                digits[digits.count - 1] = 1
                negative = true
            } else {
                var index = digits.count - 1
                while digits[index] == 0 { digits[index] = 9; index -= 1 }
                digits[index] -= 1
            }
        }
        let all = digits.map(String.init).joined()
        var head = String(all.dropLast(scale).drop { $0 == "0" })
        if head.isEmpty { head = "0" }
        return (negative ? "-" : "") + head + "." + all.suffix(scale)
    }

    /// Values at the edges of exact decimal comparison.
    static let extremes = ["9007199254740993", "9007199254740991", "-9007199254740993",
                           "0.000000000000000000000001", "1000000000000000000000000000001", "-1000000000000000000000000000001"]

    // MARK: Cursors

    /// A re-spelling of an issued cursor (already encoded for the wire).
    static func cursorWire(_ detail: String, cursor: String, _ source: ChoiceSource) -> String {
        var bytes = Array(cursor.utf8)
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        let body = Array(bytes.dropLast(padding))
        func padded() -> [UInt8] {
            // Padding the base64 standard would add, or one more `=` when the cursor already ends in a quantum.
            let missing = (4 - body.count % 4) % 4
            return padding > 0 ? body : body + Array(repeating: UInt8(ascii: "="), count: missing == 0 ? 2 : missing)
        }
        switch detail {
        case "cursor-unused-bits" where body.count % 4 == 2 || body.count % 4 == 3:
            let unused = body.count % 4 == 2 ? 4 : 2
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            let last = body[body.count - 1]
            let table = alphabet.contains(last) ? alphabet : standard
            if let index = table.firstIndex(of: last) {
                let flipped = index ^ (1 + source.draw(below: (1 << unused) - 1))
                bytes = Array(body.dropLast()) + [table[flipped]] + Array(bytes.suffix(padding))
            } else {
                bytes = padded()
            }
        case "cursor-other-alphabet":
            let map: [UInt8: UInt8] = [UInt8(ascii: "-"): UInt8(ascii: "+"), UInt8(ascii: "_"): UInt8(ascii: "/"),
                                       UInt8(ascii: "+"): UInt8(ascii: "-"), UInt8(ascii: "/"): UInt8(ascii: "_")]
            let swapped = bytes.map { map[$0] ?? $0 }
            bytes = swapped == bytes ? padded() : swapped
        case "cursor-case-flip":
            let letters = bytes.indices.filter { (65...90).contains(bytes[$0]) || (97...122).contains(bytes[$0]) }
            if letters.isEmpty {
                bytes = padded()
            } else {
                bytes[source.pick(from: letters)] ^= 0x20
            }
        case "cursor-percent-encoded":
            // The same bytes after percent-decoding: a cursor the target issued.
            let encoded = QueryCodec.encode(bytes: bytes)
            guard !bytes.isEmpty else { return encoded }
            let position = source.draw(below: bytes.count)
            return QueryCodec.encode(bytes: Array(bytes[..<position])) + percent(bytes[position])
                + QueryCodec.encode(bytes: Array(bytes[(position + 1)...]))
        default:
            bytes = padded()
        }
        return QueryCodec.encode(bytes: bytes)
    }

    private static func percent(_ byte: UInt8) -> String {
        let hex = Array("0123456789ABCDEF")
        return "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
    }
}

private extension String {
    /// A canonical decomposition (NFD) of the common precomposed Latin and Greek letters with one accent;
    /// other scalars are kept. Only used to send decomposed variants, which the contract leaves open.
    var decomposedStringWithCanonicalMappingPortable: String {
        var out = String.UnicodeScalarView()
        func append(_ scalar: Unicode.Scalar) {
            if let decomposed = Self.canonicalDecomposition(scalar) {
                decomposed.forEach(append)
            } else {
                out.append(scalar)
            }
        }
        unicodeScalars.forEach(append)
        return String(out)
    }

    static func canonicalDecomposition(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        // Latin-1 and Latin Extended-A letters with one accent: base letter + combining mark.
        let table: [UInt32: (UInt32, UInt32)] = [
            0xC0: (0x41, 0x300), 0xC1: (0x41, 0x301), 0xC2: (0x41, 0x302), 0xC3: (0x41, 0x303), 0xC4: (0x41, 0x308),
            0xC7: (0x43, 0x327), 0xC8: (0x45, 0x300), 0xC9: (0x45, 0x301), 0xCA: (0x45, 0x302), 0xCB: (0x45, 0x308),
            0xCD: (0x49, 0x301), 0xD1: (0x4E, 0x303), 0xD3: (0x4F, 0x301), 0xD6: (0x4F, 0x308), 0xDA: (0x55, 0x301),
            0xDC: (0x55, 0x308), 0xE0: (0x61, 0x300), 0xE1: (0x61, 0x301), 0xE2: (0x61, 0x302), 0xE3: (0x61, 0x303),
            0xE4: (0x61, 0x308), 0xE7: (0x63, 0x327), 0xE8: (0x65, 0x300), 0xE9: (0x65, 0x301), 0xEA: (0x65, 0x302),
            0xEB: (0x65, 0x308), 0xED: (0x69, 0x301), 0xF1: (0x6E, 0x303), 0xF3: (0x6F, 0x301), 0xF6: (0x6F, 0x308),
            0xFA: (0x75, 0x301), 0xFC: (0x75, 0x308), 0x3CC: (0x3BF, 0x301), 0x38C: (0x39F, 0x301),
            0x3AC: (0x3B1, 0x301), 0x3AD: (0x3B5, 0x301), 0x3AE: (0x3B7, 0x301), 0x3AF: (0x3B9, 0x301),
        ]
        guard let pair = table[scalar.value] else { return nil }
        return [Unicode.Scalar(pair.0)!, Unicode.Scalar(pair.1)!]
    }
}
