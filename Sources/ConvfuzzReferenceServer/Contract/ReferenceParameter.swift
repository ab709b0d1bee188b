/// The canonical query parameters of the contract (CONTRACT.md), in validation order.
public enum ReferenceParameter: String, CaseIterable, Sendable {
    case cursor
    case agentID = "agent_id"
    case callSuccessful = "call_successful"
    case callStartBeforeUnix = "call_start_before_unix"
    case callStartAfterUnix = "call_start_after_unix"
    case callDurationMinSecs = "call_duration_min_secs"
    case callDurationMaxSecs = "call_duration_max_secs"
    case ratingMax = "rating_max"
    case ratingMin = "rating_min"
    case userID = "user_id"
    case evaluationParams = "evaluation_params"
    case dataCollectionParams = "data_collection_params"
    case mainLanguages = "main_languages"
    case pageSize = "page_size"
    case summaryMode = "summary_mode"
    case search
    case conversationInitiationSource = "conversation_initiation_source"
    case branchID = "branch_id"
    case topicIDs = "topic_ids"
    case excludeStatuses = "exclude_statuses"
    case tagIDs = "tag_ids"
    case dataCollectionIDs = "data_collection_ids"
    case evaluationCriteriaIDs = "evaluation_criteria_ids"
    case sortDirection = "sort_direction"

    /// Whether the parameter is a list (repeated keys collect values in order).
    public var isList: Bool {
        switch self {
        case .evaluationParams, .dataCollectionParams, .mainLanguages, .topicIDs, .excludeStatuses, .tagIDs,
             .dataCollectionIDs, .evaluationCriteriaIDs:
            return true
        default:
            return false
        }
    }

    /// Position in `allCases`.
    var ordinal: Int { Self.ordinals[self]! }

    private static let ordinals: [ReferenceParameter: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) }
    )
}
