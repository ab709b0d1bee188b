/// One synthetic conversation in a compact form (small integer codes into the vocabularies).
///
/// Code conventions: a nullable code uses 0 for null and `index + 1` otherwise,
/// unless documented differently.
struct Conversation: Sendable {
    /// `start_time_unix_secs`.
    var start: Int64
    /// The conversation id's 100 bits (high half), see `ConversationID`.
    var idHigh: UInt64
    /// The conversation id's 100 bits (low half).
    var idLow: UInt64
    /// `call_duration_secs` (0...3600).
    var duration: UInt16
    /// `message_count`.
    var messageCount: UInt16
    /// Index into `agentIDs`/`agentNames`.
    var agent: UInt8
    /// 0 = null, else 1 + index into `branchIDs`.
    var branch: UInt8
    /// 0 = null, else 1 + index into `versionIDs`.
    var version: UInt8
    /// Index into `statuses`.
    var status: UInt8
    /// Index into `evaluationResults`.
    var callSuccessful: UInt8
    /// 255 = null, else hundredths (0...100).
    var successScore: UInt8
    /// 0 = null, else 1...5.
    var rating: UInt8
    /// 0 = null, else 1 + index into `languages`.
    var language: UInt8
    /// 0 = null, else 1 + index into `initiationSources`.
    var source: UInt8
    /// 0 = null, else 1 + index into `directions`.
    var direction: UInt8
    /// Bit mask over `toolNames`; 0xFF = null.
    var tools: UInt8
    /// 255 = null, else index into the sentiment pool.
    var sentiment: UInt8
    /// Index into `terminationReasons`.
    var termination: UInt8
    /// 0 = null, else 1 + index into `summaries`.
    var summary: UInt8
    /// 0 = null, else 1 + index into `summaryTitles`.
    var title: UInt8
    /// 0 = null, else 1 + index into `userIDs` (hidden).
    var user: UInt8
    /// Number of transcript messages (1...4).
    var messageSlots: UInt8
    /// Bit mask over `tagIDs`.
    var tags: UInt16
    /// Bit mask over `topicIDs` (hidden).
    var topics: UInt16
    /// Up to four message indices into `TranscriptPool`, 8 bits each (hidden).
    var messages: UInt32
    /// Per evaluation criterion one byte: 0 = absent, else `EvaluationCode`.
    var evaluation: UInt32
    /// Per data-collection id one byte: 0 = not collected, else 1 + index into its pool.
    var dataCollection: UInt64

    /// The data-collection code of id `index` (0 = not collected).
    @inline(__always)
    func dataCollectionCode(_ index: Int) -> Int {
        Int((dataCollection >> (UInt64(index) &* 8)) & 0xFF)
    }

    /// The evaluation code of criterion `index` (0 = absent).
    @inline(__always)
    func evaluationCode(_ index: Int) -> Int {
        Int((evaluation >> (UInt32(index) &* 8)) & 0xFF)
    }

    /// The transcript message index in slot `slot`.
    @inline(__always)
    func message(_ slot: Int) -> Int {
        Int((messages >> (UInt32(slot) &* 8)) & 0xFF)
    }
}
