/// Builds and normalises finding signatures: `CHECK|parameter|detail`.
public enum FindingSignature {
    /// The signature for a check, an optional parameter and a detail.
    ///
    /// The detail is normalised: array indices become `[]`, runs of digits
    /// longer than three become `#` (so ids, times and sizes never split a bug
    /// into many signatures), and `|` and newlines become spaces.
    public static func make(check: CheckID, parameter: String?, detail: String) -> String {
        [check.rawValue, clean(parameter ?? "-"), normalise(detail)].joined(separator: "|")
    }

    /// The normalised form of a detail.
    public static func normalise(_ detail: String) -> String {
        let chars = Array(clean(detail))
        var out = ""
        var index = 0
        while index < chars.count {
            let ch = chars[index]
            if ch == "[" {
                var probe = index + 1
                while probe < chars.count && isDigit(chars[probe]) { probe += 1 }
                if probe > index + 1 && probe < chars.count && chars[probe] == "]" {
                    out += "[]"
                    index = probe + 1
                    continue
                }
            }
            if isDigit(ch) {
                var probe = index
                while probe < chars.count && isDigit(chars[probe]) { probe += 1 }
                out += probe - index > 3 ? "#" : String(chars[index..<probe])
                index = probe
                continue
            }
            out.append(ch)
            index += 1
        }
        return out
    }

    static func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }

    static func clean(_ text: String) -> String {
        String(text.map { $0 == "|" || $0.isNewline ? " " : $0 })
    }
}
