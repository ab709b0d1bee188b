/// Pre-encoded `sentiment_analysis` objects; every field present and within its range.
enum SentimentPool {
    /// The encoded objects, indexed by `Conversation.sentiment`.
    static let encoded: [[UInt8]] = {
        var random = SplitMix64(seed: 0x5E47_1E47)
        let labels = ["positive", "neutral", "negative"]
        return (0..<ConversationGenerator.sentimentVariants).map { _ in
            let label = random.below(3)
            let overall = label == 0 ? 20 + random.below(81) : label == 1 ? random.below(41) - 20 : -(20 + random.below(81))
            let frustration = random.below(101)
            let minimum = max(-100, overall - random.below(60))
            let maxFrustration = min(100, frustration + random.below(40))
            func decimal(_ hundredths: Int) -> String {
                let sign = hundredths < 0 ? "-" : ""
                let magnitude = abs(hundredths)
                let fraction = magnitude % 100
                return sign + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
            }
            let text = "{\"overall_label\":\"\(labels[label])\",\"overall_sentiment_score\":\(decimal(overall))"
                + ",\"overall_frustration_score\":\(decimal(frustration))"
                + ",\"min_user_sentiment_score\":\(decimal(minimum))"
                + ",\"max_user_frustration_score\":\(decimal(maxFrustration))"
                + ",\"num_scored_user_turns\":\(random.below(12))}"
            return Array(text.utf8)
        }
    }()
}
