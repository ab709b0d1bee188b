import ConvfuzzContract

/// API keys a run generates for the embedded reference server, so a default run tests auth too.
///
/// `sk_` and 48 lower-case hex digits (the shape of an ElevenLabs key), derived from the run
/// seed: the same seed gives the same keys, and the two workspaces get different ones. They
/// are secrets like any key: never printed (`RunConfiguration.secrets`).
public enum GeneratedKey {
    /// The key of workspace `index` (0: the run's key, 1: the second key) for a seed.
    public static func make(seed: UInt64, workspace index: Int) -> String {
        var random = SplitMix64(seed: SplitMix64.derive(seed: SeedStream.generatedKeys.seed(seed), index: UInt64(index)))
        var text = "sk_"
        for _ in 0..<3 {
            let word = String(random.next(), radix: 16)
            text += String(repeating: "0", count: 16 - word.count) + word
        }
        return text
    }
}
