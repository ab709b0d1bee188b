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
        }.enumerated().map { index, message in
            // Every fifth message ends with a word with non-ASCII letters (drawn after the random
            // stream, so the other words stay as they were).
            guard index % 5 == 2 else { return message }
            let words = ReferenceVocabulary.accentedSearchWords
            return message + " " + words[(index / 5) % words.count]
        }
    }()


    /// The messages case-folded (`SimpleCaseFolding`), as scalar values.
    static let foldedScalars: [[UInt32]] = messages.map { SimpleCaseFolding.fold($0) }

    /// The messages with only ASCII letters folded (the `search-ascii-folding` fault), as scalar values.
    static let asciiFoldedScalars: [[UInt32]] = messages.map { SimpleCaseFolding.foldASCII($0) }

    /// The messages' scalar values, unfolded.
    static let scalars: [[UInt32]] = messages.map { $0.unicodeScalars.map(\.value) }
}
