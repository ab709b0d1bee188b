/// Escaping for markup: text placed in HTML (and inline SVG) or XML content or quoted attribute values.
/// One loop for both; the dialects differ only in the apostrophe's reference and in which characters
/// cannot appear at all (they become U+FFFD), so no input can open a tag, end an attribute or start a
/// character reference.
public enum MarkupText {
    /// Where the text goes.
    public enum Dialect: Sendable {
        /// HTML and inline SVG: C0 and C1 controls and non-characters are replaced.
        case html
        /// XML 1.0: the characters XML 1.0 forbids are replaced.
        case xml
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, keeps tab, newline and carriage return, and replaces what
    /// the dialect forbids with U+FFFD.
    public static func escape(_ text: String, for dialect: Dialect) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += dialect == .xml ? "&apos;" : "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(allowed(scalar.value, in: dialect) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    private static func allowed(_ value: UInt32, in dialect: Dialect) -> Bool {
        switch dialect {
        case .html:
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let nonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            return !control && !nonCharacter
        case .xml:
            return (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
        }
    }
}

/// Escaping for text placed in HTML (and inline SVG) content or quoted attribute values.
public enum HTMLText {
    /// ``MarkupText/escape(_:for:)`` for HTML.
    public static func escape(_ text: String) -> String {
        MarkupText.escape(text, for: .html)
    }
}
