/// The vocabularies pre-encoded as JSON bytes, so items are assembled by copying.
enum EncodedPools {
    static let agentIDs = ReferenceVocabulary.allAgentIDs.map(JSONByteWriter.encoded)
    static let agentNames = ReferenceVocabulary.allAgentNames.map(JSONByteWriter.encoded)
    static let branchIDs = ReferenceVocabulary.branchIDs.map(JSONByteWriter.encoded)
    static let versionIDs = ReferenceVocabulary.versionIDs.map(JSONByteWriter.encoded)
    static let statuses = ReferenceVocabulary.statuses.map(JSONByteWriter.encoded)
    static let results = ReferenceVocabulary.evaluationResults.map(JSONByteWriter.encoded)
    static let sources = ReferenceVocabulary.initiationSources.map(JSONByteWriter.encoded)
    static let directions = ReferenceVocabulary.directions.map(JSONByteWriter.encoded)
    static let languages = ReferenceVocabulary.languages.map(JSONByteWriter.encoded)
    static let toolNames = ReferenceVocabulary.toolNames.map(JSONByteWriter.encoded)
    static let tagIDs = ReferenceVocabulary.tagIDs.map(JSONByteWriter.encoded)
    /// The second workspace's branch and tag ids (`WorkspaceIDs`).
    static let secondBranchIDs = ReferenceVocabulary.branchIDs.map { JSONByteWriter.encoded(WorkspaceIDs.written($0, in: .second)) }
    static let secondTagIDs = ReferenceVocabulary.tagIDs.map { JSONByteWriter.encoded(WorkspaceIDs.written($0, in: .second)) }
    static let terminationReasons = ReferenceVocabulary.terminationReasons.map(JSONByteWriter.encoded)
    static let summaries = ReferenceVocabulary.summaries.map(JSONByteWriter.encoded)
    static let summaryTitles = ReferenceVocabulary.summaryTitles.map(JSONByteWriter.encoded)
    static let dataCollectionIDs = ReferenceVocabulary.dataCollectionIDs.map(JSONByteWriter.encoded)
    static let evaluationCriteriaIDs = ReferenceVocabulary.evaluationCriteriaIDs.map(JSONByteWriter.encoded)

    /// `"0.0"` … `"1.0"` in hundredths, for `call_success_score`.
    static let successScores: [[UInt8]] = (0...100).map { hundredths in
        if hundredths == 100 { return Array("1.0".utf8) }
        let text = hundredths % 10 == 0 ? "0.\(hundredths / 10)" : "0." + (hundredths < 10 ? "0" : "") + "\(hundredths)"
        return Array(text.utf8)
    }

    /// Data-collection values as JSON (strings quoted, numbers as written, booleans bare).
    static let dataCollectionValues: [[[UInt8]]] = DataCollectionPools.pools.map { pool in
        pool.map { value in
            value.kind == .string ? JSONByteWriter.encoded(value.text) : Array(value.text.utf8)
        }
    }
}
