/// Where a corpus entry was found: the target's identity, never a secret.
///
/// `corpus prune` deletes an entry only after it passed against this target, and `replay` and `prune`
/// send an entry there by default. A remote target is its base URL without credentials (userinfo)
/// and without a trailing slash; the embedded reference server is named by the settings that make it
/// the same server again (dataset seed and size, fault, chaos). The key is named by its environment
/// variable, never by its value.
public struct CorpusOrigin: Sendable, Codable, Hashable {
    /// The base URL without credentials, or ``CorpusOrigin/embeddedTarget`` for the embedded server.
    public var target: String
    /// The embedded server's settings (nil for a remote target).
    public var server: EmbeddedServer?
    /// The spec's fingerprint when the entry was found.
    public var specFingerprint: String
    /// The environment variable the run's key came from (nil when no key was sent).
    public var apiKeyEnv: String?

    /// The `target` of an entry found on the embedded reference server.
    public static let embeddedTarget = "embedded"

    /// The settings of the embedded reference server an entry was found on.
    public struct EmbeddedServer: Sendable, Codable, Hashable {
        /// Dataset seed.
        public var seed: UInt64
        /// Number of conversations.
        public var size: Int
        /// The injected contract violation, if any.
        public var fault: String?
        /// Transport misbehaviours (`stall,reset`), if any.
        public var chaos: String?
        /// The share of list requests the chaos modes affect (nil with no chaos).
        public var chaosRate: Double?

        /// Creates the settings.
        public init(seed: UInt64, size: Int, fault: String? = nil, chaos: String? = nil, chaosRate: Double? = nil) {
            self.seed = seed
            self.size = size
            self.fault = fault
            self.chaos = chaos
            self.chaosRate = chaos == nil ? nil : chaosRate
        }
    }

    /// A remote target's origin: `url` loses its credentials here, whatever the caller passes.
    public init(remote url: String, specFingerprint: String, apiKeyEnv: String?) {
        target = TargetURL.withoutCredentials(url)
        server = nil
        self.specFingerprint = specFingerprint
        self.apiKeyEnv = apiKeyEnv
    }

    /// The embedded server's origin.
    public init(embedded server: EmbeddedServer, specFingerprint: String, apiKeyEnv: String?) {
        target = Self.embeddedTarget
        self.server = server
        self.specFingerprint = specFingerprint
        self.apiKeyEnv = apiKeyEnv
    }

    // MARK: Identity

    /// Whether the entry was found on the embedded reference server.
    public var isEmbedded: Bool { server != nil }

    /// Whether `other` is the same target (URL, or embedded server with the same settings); the spec
    /// fingerprint and the key's variable do not make another target.
    public func sameTarget(as other: CorpusOrigin) -> Bool {
        if isEmbedded || other.isEmbedded { return server == other.server }
        return TargetURL.comparable(target) == TargetURL.comparable(other.target)
    }

    /// `https://api.example.com`, or `the embedded reference server (seed 1, size 1000, fault page-size-plus-one)`.
    public var description: String {
        guard let server else { return target }
        var parts = ["seed \(server.seed)", "size \(server.size)"]
        if let fault = server.fault { parts.append("fault \(fault)") }
        if let chaos = server.chaos { parts.append("chaos \(chaos) at rate \(server.chaosRate ?? 1)") }
        return "the embedded reference server (" + parts.joined(separator: ", ") + ")"
    }
}
