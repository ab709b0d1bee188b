/// `search`: some transcript message contains the text, case-insensitively.
/// Evaluated once per pooled message, then per conversation by bit tests.
struct SearchMatcher: Sendable {
    private var bits: [UInt64] = [0, 0, 0, 0]

    init(text: String, caseSensitive: Bool) {
        let needle = Array((caseSensitive ? text : text.lowercased()).utf8)
        let haystacks = caseSensitive ? TranscriptPool.bytes : TranscriptPool.lowercasedBytes
        for (index, message) in haystacks.enumerated() where Self.contains(message, needle) {
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        for start in 0...(haystack.count - needle.count) {
            var offset = 0
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
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
