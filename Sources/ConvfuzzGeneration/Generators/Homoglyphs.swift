/// Look-alike characters: Latin letters and their Cyrillic or Greek twins. Generic text
/// knowledge, not endpoint knowledge.
enum Homoglyphs {
    static let table: [Character: Character] = [
        "a": "\u{0430}", "c": "\u{0441}", "e": "\u{0435}", "i": "\u{0456}", "j": "\u{0458}",
        "o": "\u{043E}", "p": "\u{0440}", "s": "\u{0455}", "x": "\u{0445}", "y": "\u{0443}",
        "v": "\u{03BD}", "u": "\u{03C5}", "n": "\u{0578}", "h": "\u{04BB}", "d": "\u{0501}",
        "A": "\u{0391}", "B": "\u{0392}", "E": "\u{0395}", "H": "\u{0397}", "I": "\u{0399}",
        "K": "\u{039A}", "M": "\u{039C}", "N": "\u{039D}", "O": "\u{039F}", "P": "\u{03A1}",
        "T": "\u{03A4}", "X": "\u{03A7}", "Y": "\u{03A5}", "Z": "\u{0396}",
    ]

    /// The text with one look-alike substituted (the choice picks which position), or with a
    /// zero-width joiner inserted when no letter has a twin.
    static func substitute(_ text: String, _ source: ChoiceSource) -> String {
        let characters = Array(text)
        let positions = characters.indices.filter { table[characters[$0]] != nil }
        guard !positions.isEmpty else { return zeroWidth(text, source) }
        let position = source.pick(from: positions)
        var out = characters
        out[position] = table[characters[position]] ?? characters[position]
        return String(out)
    }

    /// The text with U+200D inserted after a chosen character.
    static func zeroWidth(_ text: String, _ source: ChoiceSource) -> String {
        var characters = Array(text)
        let position = characters.isEmpty ? 0 : 1 + source.draw(below: characters.count)
        characters.insert("\u{200D}", at: min(position, characters.count))
        return String(characters)
    }

    /// Upper-cased first character.
    static func title(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
