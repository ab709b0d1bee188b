/// Missing and extra ids between an expected and an observed set, for messages.
struct SetDifference {
    /// Expected but not observed, sorted.
    let missing: [String]
    /// Observed but not expected, sorted.
    let extra: [String]

    init(expected: Set<String>, observed: Set<String>) {
        missing = expected.subtracting(observed).sorted()
        extra = observed.subtracting(expected).sorted()
    }

    var isEmpty: Bool { missing.isEmpty && extra.isEmpty }

    /// `2 missing (a, b), 1 extra (c)`.
    var summary: String {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("\(missing.count) missing (\(Self.examples(missing)))") }
        if !extra.isEmpty { parts.append("\(extra.count) extra (\(Self.examples(extra)))") }
        return parts.joined(separator: ", ")
    }

    /// `missing`, `extra` or `missing+extra`, for signatures.
    var kind: String {
        [missing.isEmpty ? nil : "missing", extra.isEmpty ? nil : "extra"].compactMap { $0 }.joined(separator: "+")
    }

    static func examples(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
    }
}
