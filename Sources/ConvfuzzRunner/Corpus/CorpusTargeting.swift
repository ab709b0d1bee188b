/// Which target each corpus entry is replayed against, for `convfuzz replay` and `convfuzz corpus prune`.
///
/// By default an entry goes back to the target it was found on (its ``CorpusOrigin``). A target the
/// user names takes every entry for `replay`; for `prune`, which deletes what passes, an entry found on
/// another target (or on an unknown one: entries written before origins were recorded) is refused
/// unless the user passes `--force`, because passing somewhere else proves nothing about the target
/// that failed it.
public struct CorpusTargeting: Sendable {
    /// Entries replayed against one target.
    public struct Group: Sendable {
        /// The target; nil is the one the user named (or the default target, with no origin known).
        public var origin: CorpusOrigin?
        /// The entries' files, in corpus order.
        public var files: [String]
    }

    /// An entry not replayed, and why (a sentence).
    public struct Refusal: Sendable {
        /// The entry's file.
        public var file: String
        /// Why it is not replayed.
        public var reason: String
    }

    /// Entries to replay, grouped by target in order of first appearance.
    public var groups: [Group] = []
    /// Entries kept without replay.
    public var refused: [Refusal] = []
    /// True when an entry was refused because of the target the user named (prune then exits 2).
    public var refusedNamedTarget = false

    /// Plans the replay of `entries` (file and entry, in corpus order).
    /// - Parameters:
    ///   - named: the target the user named (nil: each entry's own origin).
    ///   - deleting: true for `prune`: an entry is replayed only against the target it was found on.
    ///   - force: prune against the named target whatever the entries' origins.
    public init(entries: [(path: String, entry: CorpusEntry)], named: CorpusOrigin?, deleting: Bool, force: Bool) {
        for (file, entry) in entries {
            guard let named else {
                if let origin = entry.origin {
                    add(file, to: origin)
                } else if deleting {
                    refused.append(Refusal(file: file, reason: Self.unknownOrigin))
                } else {
                    add(file, to: nil)
                }
                continue
            }
            guard deleting, !force else {
                add(file, to: nil)
                continue
            }
            if let origin = entry.origin {
                if origin.sameTarget(as: named) {
                    add(file, to: nil)
                } else {
                    refusedNamedTarget = true
                    refused.append(Refusal(file: file, reason: "it was found on \(origin.description), not on \(named.description); "
                                           + "it is deleted only after it passed on the target it was found on "
                                           + "(prune without --target does that; --force prunes it against \(named.description) anyway)"))
                }
            } else {
                refusedNamedTarget = true
                refused.append(Refusal(file: file, reason: "it records no origin (written by an older convfuzz), so nothing shows "
                                       + "it was found on \(named.description); --force prunes it against that target anyway"))
            }
        }
    }

    /// Why an entry without origin is kept by a prune that names no target.
    public static let unknownOrigin = "it records no origin (written by an older convfuzz), so the target it was found on is "
        + "unknown; it is kept (pass --target URL --force to prune it against a target you know it came from)"

    private mutating func add(_ file: String, to origin: CorpusOrigin?) {
        if let index = groups.firstIndex(where: { Self.same($0.origin, origin) }) {
            groups[index].files.append(file)
        } else {
            groups.append(Group(origin: origin, files: [file]))
        }
    }

    private static func same(_ lhs: CorpusOrigin?, _ rhs: CorpusOrigin?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case let (lhs?, rhs?): return lhs.sameTarget(as: rhs) && lhs.apiKeyEnv == rhs.apiKeyEnv
        default: return false
        }
    }
}
