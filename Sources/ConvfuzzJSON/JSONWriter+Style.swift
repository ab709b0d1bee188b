extension JSONWriter {
    /// Output layout.
    public enum Style: Sendable, Hashable {
        /// No whitespace at all: `{"a":[1,2]}`.
        case compact
        /// Newlines and two-space indentation, `": "` after keys; empty
        /// containers stay `[]` and `{}`.
        case pretty
    }
}
