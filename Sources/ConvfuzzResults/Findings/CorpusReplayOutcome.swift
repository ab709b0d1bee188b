/// The result of replaying one corpus entry.
public struct CorpusReplayOutcome: Sendable, Codable, Hashable {
    /// The entry's file.
    public var file: String
    /// The entry's check id.
    public var check: String
    /// Whether the stored failure still happens.
    public var stillFails: Bool
    /// Whether regenerating from seed, index and choices gives the same requests.
    public var regenerationAgrees: Bool?
    /// A line of detail.
    public var detail: String

    /// Creates an outcome.
    public init(file: String, check: String, stillFails: Bool, regenerationAgrees: Bool?, detail: String) {
        self.file = file
        self.check = check
        self.stillFails = stillFails
        self.regenerationAgrees = regenerationAgrees
        self.detail = detail
    }
}
