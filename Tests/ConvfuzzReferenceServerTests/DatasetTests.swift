import Testing
@testable import ConvfuzzReferenceServer

@Suite struct DatasetTests {
    @Test func sameSeedSameData() {
        let first = ReferenceDataset.generate(seed: 42, size: 200).records
        let second = ReferenceDataset.generate(seed: 42, size: 200).records
        #expect(first == second)
        let other = ReferenceDataset.generate(seed: 43, size: 200).records
        #expect(first.prefix(10).map(\.conversationID) != other.prefix(10).map(\.conversationID))
    }

    @Test func idsAreUniqueAndWellFormed() {
        let records = ReferenceDataset.generate(seed: 3, size: 5000).records
        #expect(Set(records.map(\.conversationID)).count == records.count)
        let alphabet = Set("abcdefghijklmnopqrstuvwxyz234567")
        for record in records.prefix(100) {
            #expect(record.conversationID.hasPrefix("conv_"))
            #expect(record.conversationID.count == 25)
            #expect(record.conversationID.dropFirst(5).allSatisfy { alphabet.contains($0) })
        }
    }

    @Test func orderIsDescendingWithTies() {
        let records = ReferenceDataset.generate(seed: 9, size: 1000).records
        var ties = 0
        for (newer, older) in zip(records, records.dropFirst()) {
            #expect(newer.startTimeUnixSecs >= older.startTimeUnixSecs)
            if newer.startTimeUnixSecs == older.startTimeUnixSecs {
                ties += 1
                #expect(newer.conversationID > older.conversationID)
            }
        }
        #expect(ties >= 50)
        #expect(records.allSatisfy { (1_735_689_600...1_782_777_600).contains($0.startTimeUnixSecs) })
    }

    @Test func coverage() {
        let records = ReferenceDataset.generate(seed: 1, size: 1000).records
        #expect(Set(records.map(\.status)) == Set(ReferenceVocabulary.statuses))
        #expect(Set(records.map(\.callSuccessful)) == Set(ReferenceVocabulary.evaluationResults))
        #expect(Set(records.compactMap(\.initiationSource)) == Set(ReferenceVocabulary.initiationSources))
        #expect(records.contains { $0.initiationSource == nil })
        let nullRatings = records.filter { $0.rating == nil }.count
        #expect(nullRatings > 150 && nullRatings < 350)
        #expect(Set(records.compactMap(\.rating)) == [1, 2, 3, 4, 5])
        #expect(Set(records.compactMap(\.mainLanguage)) == Set(ReferenceVocabulary.languages))
        #expect(records.contains { $0.mainLanguage == nil })
        #expect(records.contains { $0.callDurationSecs == 0 })
        #expect(records.contains { $0.tagIDs.isEmpty })
        #expect(records.contains { $0.userID == nil })
        #expect(records.contains { $0.transcriptSummary == nil })
        #expect(Set(records.flatMap(\.topicIDs)) == Set(ReferenceVocabulary.topicIDs))
        #expect(Set(records.flatMap { $0.dataCollection.keys }) == Set(ReferenceVocabulary.dataCollectionIDs))
        #expect(Set(records.flatMap { $0.evaluation.keys }) == Set(ReferenceVocabulary.evaluationCriteriaIDs))
        #expect(records.contains { ($0.dataCollection["callback_note"] ?? "").contains("|") })
        #expect(Set(ReferenceVocabulary.agentIDs).count == 8)
    }

    @Test func profileListsHiddenValues() {
        let yaml = ReferenceProfile.renderYAML()
        #expect(yaml.contains("pools:\n  user_id:\n    - \"user_0001\""))
        for key in ["topic_ids:", "data_collection_ids:", "evaluation_criteria_ids:", "search:", "id_values:",
                    "\"ticket:4411|priority:high\"", "\"12.5\""] {
            #expect(yaml.contains(key))
        }
    }
}
