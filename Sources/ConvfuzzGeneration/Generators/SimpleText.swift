/// Generic text used when no pool supplies realistic values. Simplest first.
enum SimpleText {
    /// Plain strings for free-text parameters and grammar values.
    static let strings = ["a", "test", "x-1", "Ab_9", "42", "true", "with space", "comma,inside",
                          "plus+sign", "ümlaut", "日本語"]
    /// Tokens that are unlikely to be enum values (filtered against the real values before use).
    static let unknownTokens = ["maybe", "like", "unknown_value", "x", "none", "all", "0", "null"]
    /// Free-text samples that contain no separator characters at all.
    static let plainTokens = ["a", "b", "c1", "yes", "no", "42", "v-2"]
}
