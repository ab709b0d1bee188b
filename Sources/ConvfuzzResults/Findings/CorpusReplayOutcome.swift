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
    /// Why the replay proves nothing either way (e.g. the target stopped answering), when it does not:
    /// such an entry is neither failing nor passing, and `corpus prune` keeps it.
    public var unjudged: String?

    /// Whether the entry was re-run and did not fail: only such an entry may be pruned.
    public var passed: Bool { !stillFails && unjudged == nil }

    /// Creates an outcome.
    public init(file: String, check: String, stillFails: Bool, regenerationAgrees: Bool?, detail: String) {
        self.file = file
        self.check = check
        self.stillFails = stillFails
        self.regenerationAgrees = regenerationAgrees
        self.detail = detail
    }
}
