/// Escaping for text placed in HTML (and inline SVG) content or quoted attribute values.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`; control characters other than tab, newline and carriage
    /// return, and lone surrogates' replacements, become U+FFFD, so no input can open a tag, end an
    /// attribute or start a character reference.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let control = value < 0x20 || (0x7F...0x9F).contains(value)
                let nonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
                out.unicodeScalars.append(control || nonCharacter ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
