import ConvfuzzGeneration
import ConvfuzzSpec

/// Splits a grammar value into its fields the way the spec says the target does.
public enum GrammarSplitter {
    /// Splits `raw` at the first `maxSplits` separators; the last field takes the rest.
    public static func split(_ raw: String, grammar: GrammarSpec) -> GrammarItem {
        var fields: [String: String] = [:]
        var rest = Substring(raw)
        for (position, field) in grammar.fields.enumerated() {
            let isLast = position == grammar.fields.count - 1 || position >= grammar.maxSplits
            if isLast || grammar.separator.isEmpty {
                fields[field.name] = String(rest)
                break
            }
            if let range = rest.firstRange(of: grammar.separator) {
                fields[field.name] = String(rest[..<range.lowerBound])
                rest = rest[range.upperBound...]
            } else {
                fields[field.name] = String(rest)
                break
            }
        }
        return GrammarItem(raw: raw, fields: fields)
    }
}
