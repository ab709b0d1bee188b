import ConvfuzzSpec

/// Splits a grammar value the way the target does: at the first `maxSplits` occurrences of
/// the separator, comparing UTF-8 bytes (a separator followed by a combining mark still splits).
///
/// The one splitter: generation, classification and the oracle's filter evaluation all split here,
/// on the bytes that are sent, never on `Character`s.
public enum GrammarSplitter {
    /// The parts, at most `min(maxSplits, fields - 1) + 1` of them; the last keeps the rest.
    public static func parts(_ text: String, grammar: GrammarSpec) -> [String] {
        let limit = max(0, min(grammar.maxSplits, grammar.fields.count - 1))
        return split(text, separator: grammar.separator, limit: limit)
    }

    /// Splits at most `limit` times (a negative limit splits everywhere).
    public static func split(_ text: String, separator: String, limit: Int) -> [String] {
        let bytes = Array(text.utf8)
        let sep = Array(separator.utf8)
        guard !sep.isEmpty else { return [text] }
        var parts: [String] = []
        var start = 0
        var index = 0
        while index + sep.count <= bytes.count, limit < 0 || parts.count < limit {
            if bytes[index..<(index + sep.count)].elementsEqual(sep) {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += sep.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// The item with its fields named.
    public static func item(_ text: String, grammar: GrammarSpec) -> GrammarItem {
        var fields: [String: String] = [:]
        for (index, part) in parts(text, grammar: grammar).enumerated() where index < grammar.fields.count {
            fields[grammar.fields[index].name] = part
        }
        return GrammarItem(raw: text, fields: fields)
    }
}
