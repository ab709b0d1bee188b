/// A fixed pool of transcript messages built from `ReferenceVocabulary.searchWords` with mixed case.
///
/// Conversations reference messages by index (at most 256), so `search` can be
/// evaluated once per message and then per conversation by a bit test.
enum TranscriptPool {
    /// Number of messages in the pool.
    static let count = 256

    /// The messages as written.
    static let messages: [String] = {
        var random = SplitMix64(seed: 0x5EED_7E47)
        let words = ReferenceVocabulary.searchWords
        let fillers = ["I", "need", "help", "with", "my", "the", "please", "about", "a", "is", "not", "it"]
        return (0..<count).map { _ in
            let length = 3 + random.below(5)
            var parts: [String] = []
            for position in 0..<length {
                let useWord = position == 0 || random.chance(50)
                var word = useWord ? words[random.below(words.count)] : fillers[random.below(fillers.count)]
                switch random.below(4) {
                case 0: word = word.uppercased()
                case 1: word = word.prefix(1).uppercased() + word.dropFirst()
                default: break
                }
                parts.append(word)
            }
            return parts.joined(separator: " ") + (random.chance(30) ? "?" : ".")
        }
    }()

    /// The messages' UTF-8 bytes.
    static let bytes: [[UInt8]] = messages.map { Array($0.utf8) }

    /// The messages lower-cased, as UTF-8 bytes.
    static let lowercasedBytes: [[UInt8]] = messages.map { Array($0.lowercased().utf8) }
}
