import ConvfuzzOracle

/// One unique failure kept in `corpus/`: enough to re-send it exactly and to regenerate it.
///
/// Files are pretty-printed JSON with sorted keys, so they diff well and read
/// well. They never hold the API key: requests are query strings only.
public struct CorpusEntry: Sendable, Codable, Hashable {
    /// The corpus format version.
    public var format: Int = 1
    /// The check that failed.
    public var check: String
    /// The finding's dedup signature.
    public var signature: String
    /// The parameter involved, if any.
    public var parameter: String?
    /// The day it was first seen (UTC, `YYYY-MM-DD`).
    public var firstSeen: String
    /// The spec's name.
    public var specName: String
    /// The spec's fingerprint when it was found.
    public var specFingerprint: String
    /// The run seed.
    public var seed: UInt64
    /// How the failure is re-run.
    public var replay: ReplayPlan
    /// The one-line message.
    public var message: String
    /// What the contract requires.
    public var expected: String
    /// What the target did.
    public var observed: String
    /// Response excerpts from when it was found.
    public var evidence: [Evidence]
    /// The target it was found on (nil in entries written before origins were recorded: an unknown
    /// origin, which `corpus prune` never deletes without `--force`).
    public var origin: CorpusOrigin?
    /// `unconfirmed` when the run was interrupted before the finding was re-run; nil once confirmed.
    public var status: String?

    /// The ``status`` of an entry whose finding was not re-run before the run was interrupted.
    public static let unconfirmedStatus = "unconfirmed"

    /// Whether the finding was stored before it could be re-run.
    public var isUnconfirmed: Bool { status == Self.unconfirmedStatus }

    /// Creates an entry.
    public init(check: String, signature: String, parameter: String?, firstSeen: String, specName: String,
                specFingerprint: String, seed: UInt64, replay: ReplayPlan, message: String, expected: String,
                observed: String, evidence: [Evidence], origin: CorpusOrigin? = nil, status: String? = nil) {
        self.check = check
        self.signature = signature
        self.parameter = parameter
        self.firstSeen = firstSeen
        self.specName = specName
        self.specFingerprint = specFingerprint
        self.seed = seed
        self.replay = replay
        self.message = message
        self.expected = expected
        self.observed = observed
        self.evidence = evidence
        self.origin = origin
        self.status = status
    }

    /// A file name derived from the check and signature: stable, so one failure is one file.
    public var fileName: String {
        let hash = String(CorpusEntry.fnv1a(signature), radix: 16)
        return "\(check.lowercased())-\(String(repeating: "0", count: max(0, 16 - hash.count)) + hash).json"
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
