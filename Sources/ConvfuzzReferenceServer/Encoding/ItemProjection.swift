/// What each encoded item contains, derived from the request (and the fault).
struct ItemProjection: Sendable {
    /// Write `transcript_summary`.
    var summary = false
    /// Requested data-collection id indices (deduplicated, known ids only); nil = omit the map.
    var dataCollectionIDs: [Int]?
    /// Requested criterion indices; nil = omit the map.
    var evaluationCriteriaIDs: [Int]?
    /// Fault: `message_count` null on some items.
    var nullMessageCount = false
    /// Fault: `rating` as a string.
    var ratingAsString = false
    /// Write the second workspace's ids (`WorkspaceIDs`).
    var secondWorkspace = false

    init(query: ListQuery, fault: ReferenceFault?) {
        summary = query.includeSummary || fault == .summaryAlways
        if let requested = query.dataCollectionIDs {
            let ids = ReferenceVocabulary.dataCollectionIDs
            dataCollectionIDs = fault == .resultsAllIDs ? Array(ids.indices) : Self.indices(requested, in: ids)
        }
        if let requested = query.evaluationCriteriaIDs {
            evaluationCriteriaIDs = Self.indices(requested, in: ReferenceVocabulary.evaluationCriteriaIDs)
        }
        nullMessageCount = fault == .schemaNullMessageCount
        ratingAsString = fault == .schemaRatingString
    }

    private static func indices(_ requested: [String], in vocabulary: [String]) -> [Int] {
        var result: [Int] = []
        for id in requested {
            if let index = vocabulary.firstIndex(of: id), !result.contains(index) { result.append(index) }
        }
        return result
    }
}
