/// A validated list request.
struct ListQuery: Sendable {
    var cursor: CursorToken?
    var agentID: String?
    var callSuccessful: Int?
    var startBefore: Int64?
    var startAfter: Int64?
    var durationMin: Int64?
    var durationMax: Int64?
    var ratingMax: Int64?
    var ratingMin: Int64?
    var userID: String?
    var evaluation: [EvaluationCondition] = []
    var dataCollection: [DataCollectionCondition] = []
    var mainLanguages: [String]?
    var pageSize = 30
    var includeSummary = false
    var search: String?
    var initiationSource: Int?
    var branchID: String?
    var topicIDs: [String]?
    var excludeStatuses: [Int] = []
    var tagIDs: [String]?
    var dataCollectionIDs: [String]?
    var evaluationCriteriaIDs: [String]?
    var ascending = false
    /// Fingerprint of the filters (every parameter but cursor and page_size).
    var filterHash: UInt64 = 0
}
