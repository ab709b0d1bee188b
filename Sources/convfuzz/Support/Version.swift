import ConvfuzzEmbedded

/// The version `convfuzz --version` prints.
enum Version {
    /// The release number.
    static let number = "0.2.0"

    /// `convfuzz 0.2.0 (embedded spec list-conversations, revision 2026-11-26)`.
    static let line = "convfuzz \(number) (embedded spec \(EmbeddedSpec.name), revision \(EmbeddedSpec.revision))"
}
