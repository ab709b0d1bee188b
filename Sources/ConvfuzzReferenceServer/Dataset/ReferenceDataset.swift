/// A deterministic synthetic set of conversations, sorted ascending by
/// (`start_time_unix_secs`, `conversation_id`).
public struct ReferenceDataset: Sendable {
    /// The seed the dataset was generated from.
    public let seed: UInt64
    /// The conversations in ascending key order.
    let conversations: [Conversation]
    /// The generator state after generation (continues for growth).
    let generator: ConversationGenerator

    /// Generates `size` conversations from `seed`.
    ///
    /// About 10% of the conversations share their start time with the previous
    /// one, so ties in the order are common.
    public static func generate(seed: UInt64, size: Int) -> ReferenceDataset {
        generate(seed: seed, size: size, workspace: .first)
    }

    /// Generates the dataset of one workspace: the second one has its own agents and its own
    /// stream (seed mixed with the workspace), so its conversations share nothing with the first's.
    public static func generate(seed: UInt64, size: Int, workspace: ReferenceWorkspace) -> ReferenceDataset {
        var generator = ConversationGenerator(seed: workspace.datasetSeed(seed), workspace: workspace)
        var conversations: [Conversation] = []
        conversations.reserveCapacity(max(size, 0))
        var previousStart = generator.startTime()
        for index in 0..<max(size, 0) {
            let start = index > 0 && generator.random.chance(10) ? previousStart : generator.startTime()
            previousStart = start
            conversations.append(generator.make(index: index, start: start))
        }
        conversations.sort { ConversationKey($0) < ConversationKey($1) }
        return ReferenceDataset(seed: seed, conversations: conversations, generator: generator)
    }

    /// This dataset with another's conversations added (a workspace leak fault); the generator stays this one's.
    func merging(_ other: ReferenceDataset) -> ReferenceDataset {
        let merged = (conversations + other.conversations).sorted { ConversationKey($0) < ConversationKey($1) }
        return ReferenceDataset(seed: seed, conversations: merged, generator: generator)
    }

    /// The number of conversations.
    public var count: Int { conversations.count }

    /// The conversation at `index` in descending order (index 0 is the newest).
    public func record(atDescendingIndex index: Int) -> ReferenceConversationRecord {
        ReferenceConversationRecord(conversations[conversations.count - 1 - index])
    }

    /// All conversations as records, in descending order (newest first).
    public var records: [ReferenceConversationRecord] {
        conversations.reversed().map(ReferenceConversationRecord.init)
    }
}
