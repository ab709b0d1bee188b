/// Draws the fields of synthetic conversations from a seeded PRNG.
struct ConversationGenerator: Sendable {
    /// First second of the start-time window: 2025-01-01T00:00:00Z.
    static let windowStart: Int64 = 1_735_689_600
    /// Last second of the start-time window: 2026-06-30T00:00:00Z.
    static let windowEnd: Int64 = 1_782_777_600
    /// Number of sentiment variants (see `SentimentPool`).
    static let sentimentVariants = 64

    /// The dataset seed.
    let seed: UInt64
    /// The PRNG stream.
    var random: SplitMix64
    /// The agents conversations are drawn from: a range of `ReferenceVocabulary.allAgentIDs`.
    let agents: Range<Int>

    init(seed: UInt64, workspace: ReferenceWorkspace = .first) {
        self.seed = seed
        agents = workspace.agents
        random = SplitMix64(seed: seed ^ 0xC0FF_EE00_D15E_A5E5)
    }

    /// A start time in the window.
    mutating func startTime() -> Int64 {
        Self.windowStart + Int64(random.below(Int(Self.windowEnd - Self.windowStart) + 1))
    }

    /// Picks `count` distinct bits among `width` as a mask.
    private mutating func mask(width: Int, count: Int) -> UInt16 {
        var result: UInt16 = 0
        var placed = 0
        while placed < count {
            let bit = UInt16(1) << UInt16(random.below(width))
            if result & bit == 0 {
                result |= bit
                placed += 1
            }
        }
        return result
    }

    /// Makes conversation number `index` starting at `start`.
    mutating func make(index: Int, start: Int64) -> Conversation {
        let id = ConversationID.make(index: index, seed: seed, random: &random)
        let vocabulary = ReferenceVocabulary.self
        let agent = agents.lowerBound + random.below(agents.count)
        let duration = random.chance(4) ? 0 : random.below(3601)
        let status = random.below(vocabulary.statuses.count)
        let slots = 1 + random.below(4)
        var messages: UInt32 = 0
        for slot in 0..<slots {
            messages |= UInt32(random.below(TranscriptPool.count)) << UInt32(slot * 8)
        }
        var dataCollection: UInt64 = 0
        for (index, pool) in DataCollectionPools.pools.enumerated() where random.chance(60) {
            dataCollection |= UInt64(1 + random.below(pool.count)) << UInt64(index * 8)
        }
        var evaluation: UInt32 = 0
        for index in 0..<vocabulary.evaluationCriteriaIDs.count where random.chance(65) {
            let variant = random.chance(25) ? 0 : 1 + random.below(EvaluationCode.scoreVariants - 1)
            let code = EvaluationCode.encode(result: random.below(3), scoreVariant: variant)
            evaluation |= UInt32(code) << UInt32(index * 8)
        }
        var tools: UInt8 = 0xFF
        if !random.chance(15) {
            tools = UInt8(truncatingIfNeeded: mask(width: vocabulary.toolNames.count, count: random.below(4)))
        }
        return Conversation(
            start: start,
            idHigh: id.high,
            idLow: id.low,
            duration: UInt16(duration),
            messageCount: UInt16(duration == 0 ? random.below(2) : 1 + random.below(60)),
            agent: UInt8(agent),
            branch: random.chance(30) ? 0 : UInt8(1 + random.below(vocabulary.branchIDs.count)),
            version: random.chance(10) ? 0 : UInt8(1 + random.below(vocabulary.versionIDs.count)),
            status: UInt8(status),
            callSuccessful: UInt8(random.below(3)),
            successScore: random.chance(30) ? 255 : UInt8(random.below(101)),
            rating: random.chance(25) ? 0 : UInt8(1 + random.below(5)),
            language: random.chance(10) ? 0 : UInt8(1 + random.below(vocabulary.languages.count)),
            source: random.chance(8) ? 0 : UInt8(1 + random.below(vocabulary.initiationSources.count)),
            direction: UInt8(random.below(3)),
            tools: tools,
            sentiment: random.chance(20) ? 255 : UInt8(random.below(Self.sentimentVariants)),
            termination: UInt8(random.below(vocabulary.terminationReasons.count)),
            summary: random.chance(20) ? 0 : UInt8(1 + random.below(vocabulary.summaries.count)),
            title: random.chance(15) ? 0 : UInt8(1 + random.below(vocabulary.summaryTitles.count)),
            user: random.chance(15) ? 0 : UInt8(1 + random.below(vocabulary.userIDs.count)),
            messageSlots: UInt8(slots),
            tags: mask(width: vocabulary.tagIDs.count, count: random.below(4)),
            topics: mask(width: vocabulary.topicIDs.count, count: random.below(4)),
            messages: messages,
            evaluation: evaluation,
            dataCollection: dataCollection
        )
    }
}
