import ConvfuzzSpec
import Foundation

/// Fills a draft's TODOs from an existing spec, as a person would: grammars, relations and
/// filters from the spec's own sections; the order and growth from its pagination.
enum DraftFilling {
    /// The top-level sections of a spec's text, by key (each with its lines, comments included).
    static func sections(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var key: String?
        var lines: [Substring] = []
        func flush() { if let key { result[key] = lines.joined(separator: "\n") } }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " ", first != "#", let colon = line.firstIndex(of: ":") {
                flush()
                key = String(line[..<colon])
                lines = [line]
            } else {
                lines.append(line)
            }
        }
        flush()
        return result
    }

    /// `draft` with its TODO sections replaced by `specText`'s and its pagination TODOs by `spec`'s values.
    static func fill(_ draft: String, from specText: String, spec: Spec) -> String {
        let mine = sections(specText)
        var text = draft
        for name in ["grammars", "relations", "filters"] {
            guard let theirs = sections(text)[name] else { continue }
            text = text.replacingOccurrences(of: theirs, with: mine[name] ?? "")
        }
        text = text.replacingOccurrences(of: "    key: TODO", with: "    key: \(spec.pagination.order.key)    #")
        text = text.replacingOccurrences(of: "    tie_break: TODO", with: "    tie_break: \(spec.pagination.order.tieBreak ?? "")    #")
        text = text.replacingOccurrences(of: "  growth: TODO", with: "  growth: \(spec.pagination.growth.rawValue)    #")
        return text
    }
}
