import ConvfuzzContract

/// One way of sending the run's credential differently: a wrong key, or the valid key under
/// another spelling of the header name.
///
/// A variant stores how it changes the key, never key bytes: the bytes are derived
/// from the current key each time (`credential(key:header:)`), so a corpus entry
/// replays against whatever key the environment holds now.
public enum KeyVariant: Sendable, Codable, Hashable {
    /// The header is not sent.
    case missingHeader
    /// The header is sent with an empty value.
    case emptyValue
    /// The key with its last `count` characters changed (same length).
    case lastCharactersChanged(count: Int)
    /// The first half of the key.
    case firstHalf
    /// The key with the letter case of its last letter flipped.
    case lastLetterCaseFlipped
    /// A random key of the same length from a seeded stream.
    case random(seed: UInt64)
    /// The valid key under the header name spelled with other letter cases.
    case headerName(String)

    // MARK: Meaning

    /// Whether the target must refuse it (every variant but a header-name spelling).
    public var expectsRefusal: Bool {
        if case .headerName = self { return false }
        return true
    }

    /// A stable short name for signatures.
    public var kind: String {
        switch self {
        case .missingHeader: return "missing"
        case .emptyValue: return "empty"
        case .lastCharactersChanged: return "wrong-suffix"
        case .firstHalf: return "prefix"
        case .lastLetterCaseFlipped: return "case-flip"
        case .random: return "random"
        case .headerName: return "header-case"
        }
    }

    /// What was sent, in words; holds no key material.
    public func description(header: String) -> String {
        switch self {
        case .missingHeader: return "no \(header) header"
        case .emptyValue: return "an empty \(header) value"
        case .lastCharactersChanged(let count): return "wrong key (last \(count) character\(count == 1 ? "" : "s") changed)"
        case .firstHalf: return "wrong key (the first half of the key)"
        case .lastLetterCaseFlipped: return "wrong key (the case of its last letter flipped)"
        case .random: return "a random key of the same length"
        case .headerName(let name): return "the valid key under header name \(name)"
        }
    }

    // MARK: Derivation

    /// The header name and value to send (nil value: no header), or nil when the variant does not
    /// apply to this key (for example a case flip of a key without letters).
    public func credential(key: String, header: String) -> (name: String, value: String?)? {
        let characters = Array(key)
        switch self {
        case .missingHeader:
            return (header, nil)
        case .emptyValue:
            return (header, "")
        case .lastCharactersChanged(let count):
            guard count >= 1, characters.count >= count else { return nil }
            var changed = characters
            for index in (characters.count - count)..<characters.count { changed[index] = Self.other(than: characters[index]) }
            return (header, String(changed))
        case .firstHalf:
            guard characters.count >= 2 else { return nil }
            return (header, String(characters.prefix(characters.count / 2)))
        case .lastLetterCaseFlipped:
            guard let index = characters.lastIndex(where: { $0.isASCII && $0.isLetter }) else { return nil }
            var changed = characters
            let letter = characters[index]
            changed[index] = letter.isUppercase ? Character(letter.lowercased()) : Character(letter.uppercased())
            return (header, String(changed))
        case .random(let seed):
            guard !characters.isEmpty else { return nil }
            var random = SplitMix64(seed: seed)
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            var value = String((0..<characters.count).map { _ in random.element(of: alphabet) })
            if value == key { value = String(value.dropLast()) + String(Self.other(than: characters[characters.count - 1])) }
            return (header, value)
        case .headerName(let name):
            return (name, key)
        }
    }

    /// Every variant a run sends for a key, in a fixed order; `seed` feeds the random key.
    public static func plan(key: String, header: String, seed: UInt64) -> [KeyVariant] {
        let all: [KeyVariant] = [
            .missingHeader, .emptyValue, .lastCharactersChanged(count: min(4, key.count)), .firstHalf, .lastLetterCaseFlipped,
            .random(seed: SeedStream.keyVariants.seed(seed)),
        ] + headerSpellings(header).map(KeyVariant.headerName)
        return all.filter { variant in
            guard let sent = variant.credential(key: key, header: header) else { return false }
            return !variant.expectsRefusal || sent.value != key
        }
    }

    /// The header name in upper case and in title case (`Xi-Api-Key`), without the spec's own spelling.
    static func headerSpellings(_ header: String) -> [String] {
        let title = header.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: "-")
        var out: [String] = []
        for spelling in [header.uppercased(), title, header.lowercased()] where spelling != header && !out.contains(spelling) {
            out.append(spelling)
        }
        return out
    }

    /// A character of the same kind that differs from `character`.
    private static func other(than character: Character) -> Character {
        let digits = Array("0123456789"), lower = Array("abcdefghijklmnopqrstuvwxyz"), upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for set in [digits, lower, upper] {
            if let index = set.firstIndex(of: character) { return set[(index + set.count / 2) % set.count] }
        }
        return character == "x" ? "y" : "x"
    }
}
