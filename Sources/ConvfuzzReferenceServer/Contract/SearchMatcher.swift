/// `search`: some transcript message contains the text, case-insensitively (Unicode simple case folding).
/// Evaluated once per pooled message, then per conversation by bit tests.
struct SearchMatcher: Sendable {
    private var bits: [UInt64] = [0, 0, 0, 0]

    /// How the text is compared (the contract's way, or a fault's).
    enum Mode: Sendable {
        /// Simple case folding, literal text (the contract).
        case folded
        /// Case-sensitive (`search-case-sensitive`).
        case caseSensitive
        /// Only ASCII letters fold (`search-ascii-folding`).
        case asciiFolded
        /// The text is an unescaped SQL `LIKE` pattern: `%` any run, `_` any one character (`search-like-pattern`).
        case likePattern
    }

    init(text: String, mode: Mode) {
        let needle: [UInt32]
        let haystacks: [[UInt32]]
        switch mode {
        case .caseSensitive:
            needle = text.unicodeScalars.map(\.value)
            haystacks = TranscriptPool.scalars
        case .asciiFolded:
            needle = SimpleCaseFolding.foldASCII(text)
            haystacks = TranscriptPool.asciiFoldedScalars
        case .folded, .likePattern:
            needle = SimpleCaseFolding.fold(text)
            haystacks = TranscriptPool.foldedScalars
        }
        for (index, message) in haystacks.enumerated() {
            let hit = mode == .likePattern ? Self.like(message[...], needle[...]) : Self.contains(message, needle)
            if hit { bits[index >> 6] |= 1 << UInt64(index & 63) }
        }
    }

    private static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        for start in 0...(haystack.count - needle.count) {
            var offset = 0
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }

    /// `LIKE '%pattern%'`: some substring matches the pattern.
    private static func like(_ haystack: ArraySlice<UInt32>, _ pattern: ArraySlice<UInt32>) -> Bool {
        var start = haystack.startIndex
        while start <= haystack.endIndex {
            if prefixMatches(haystack[start...], pattern) { return true }
            start += 1
        }
        return false
    }

    /// Whether a prefix of `text` matches `pattern` (`%` = any run, `_` = one scalar).
    private static func prefixMatches(_ text: ArraySlice<UInt32>, _ pattern: ArraySlice<UInt32>) -> Bool {
        guard let first = pattern.first else { return true }
        let rest = pattern.dropFirst()
        switch first {
        case 0x25:
            var index = text.startIndex
            while index <= text.endIndex {
                if prefixMatches(text[index...], rest) { return true }
                index += 1
            }
            return false
        case 0x5F:
            return !text.isEmpty && prefixMatches(text.dropFirst(), rest)
        default:
            return text.first == first && prefixMatches(text.dropFirst(), rest)
        }
    }

    @inline(__always)
    func matches(_ conversation: Conversation) -> Bool {
        for slot in 0..<Int(conversation.messageSlots) {
            let message = conversation.message(slot)
            if bits[message >> 6] & (1 << UInt64(message & 63)) != 0 { return true }
        }
        return false
    }
}
