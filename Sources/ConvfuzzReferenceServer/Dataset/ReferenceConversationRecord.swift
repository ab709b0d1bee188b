/// A readable view of one conversation, including the hidden fields.
///
/// Meant for tests and tools; the server itself works on the compact form.
public struct ReferenceConversationRecord: Sendable, Equatable {
    /// `conversation_id`.
    public let conversationID: String
    /// `start_time_unix_secs`.
    public let startTimeUnixSecs: Int64
    /// `call_duration_secs`.
    public let callDurationSecs: Int
    /// `agent_id`.
    public let agentID: String
    /// `branch_id`.
    public let branchID: String?
    /// `status`.
    public let status: String
    /// `call_successful`.
    public let callSuccessful: String
    /// `rating` (nil = null).
    public let rating: Int?
    /// `main_language`.
    public let mainLanguage: String?
    /// `conversation_initiation_source`.
    public let initiationSource: String?
    /// `tag_ids`.
    public let tagIDs: [String]
    /// `transcript_summary` (nil = null).
    public let transcriptSummary: String?
    /// Hidden: the initiating user.
    public let userID: String?
    /// Hidden: topic ids.
    public let topicIDs: [String]
    /// Hidden: transcript messages.
    public let messages: [String]
    /// Hidden unless requested: data-collection values by id, as filter text.
    public let dataCollection: [String: String]
    /// Hidden unless requested: evaluation results by criterion id.
    public let evaluation: [String: String]

    init(_ conversation: Conversation) {
        let vocabulary = ReferenceVocabulary.self
        conversationID = ConversationID.string(high: conversation.idHigh, low: conversation.idLow)
        startTimeUnixSecs = conversation.start
        callDurationSecs = Int(conversation.duration)
        agentID = vocabulary.allAgentIDs[Int(conversation.agent)]
        branchID = conversation.branch == 0 ? nil : vocabulary.branchIDs[Int(conversation.branch) - 1]
        status = vocabulary.statuses[Int(conversation.status)]
        callSuccessful = vocabulary.evaluationResults[Int(conversation.callSuccessful)]
        rating = conversation.rating == 0 ? nil : Int(conversation.rating)
        mainLanguage = conversation.language == 0 ? nil : vocabulary.languages[Int(conversation.language) - 1]
        initiationSource = conversation.source == 0
            ? nil : vocabulary.initiationSources[Int(conversation.source) - 1]
        tagIDs = vocabulary.tagIDs.indices.filter { conversation.tags & (1 << $0) != 0 }.map { vocabulary.tagIDs[$0] }
        transcriptSummary = conversation.summary == 0 ? nil : vocabulary.summaries[Int(conversation.summary) - 1]
        userID = conversation.user == 0 ? nil : vocabulary.userIDs[Int(conversation.user) - 1]
        topicIDs = vocabulary.topicIDs.indices.filter { conversation.topics & (1 << $0) != 0 }
            .map { vocabulary.topicIDs[$0] }
        messages = (0..<Int(conversation.messageSlots)).map { TranscriptPool.messages[conversation.message($0)] }
        var collected: [String: String] = [:]
        for (index, id) in vocabulary.dataCollectionIDs.enumerated() {
            let code = conversation.dataCollectionCode(index)
            if code != 0 { collected[id] = DataCollectionPools.pools[index][code - 1].text }
        }
        dataCollection = collected
        var results: [String: String] = [:]
        for (index, id) in vocabulary.evaluationCriteriaIDs.enumerated() {
            let code = conversation.evaluationCode(index)
            if code != 0 { results[id] = vocabulary.evaluationResults[EvaluationCode.result(code)] }
        }
        evaluation = results
    }
}
