import Foundation
import Testing
@testable import ConvfuzzReferenceServer

@Suite struct FilterTests {
    static let size = 400
    let app = TestSupport.application(size: size)
    let records = TestSupport.records(size: size)

    private func check(_ query: String, _ predicate: (ReferenceConversationRecord) -> Bool,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = records.filter(predicate).map(\.conversationID)
        let actual = TestSupport.walk(app, "page_size=100&" + query)
        #expect(actual == expected, "query \(query)", sourceLocation: sourceLocation)
    }

    @Test func visibleEqualityFilters() {
        let agent = ReferenceVocabulary.agentIDs[2]
        check("agent_id=" + agent) { $0.agentID == agent }
        check("agent_id=agent_unknown") { _ in false }
        check("branch_id=agtbrch_main") { $0.branchID == "agtbrch_main" }
        check("call_successful=failure") { $0.callSuccessful == "failure" }
        check("conversation_initiation_source=twilio") { $0.initiationSource == "twilio" }
        check("main_languages=de&main_languages=ja") { ["de", "ja"].contains($0.mainLanguage ?? "") }
        check("main_languages=DE") { _ in false }
        check("exclude_statuses=done&exclude_statuses=failed") { !["done", "failed"].contains($0.status) }
        check("tag_ids=tag_vip&tag_ids=tag_bug") { !Set($0.tagIDs).isDisjoint(with: ["tag_vip", "tag_bug"]) }
    }

    @Test func inclusiveBoundsOnExactTimestamps() {
        let pivot = records[records.count / 2].startTimeUnixSecs
        check("call_start_after_unix=\(pivot)") { $0.startTimeUnixSecs >= pivot }
        check("call_start_before_unix=\(pivot)") { $0.startTimeUnixSecs <= pivot }
        check("call_start_after_unix=\(pivot)&call_start_before_unix=\(pivot)") { $0.startTimeUnixSecs == pivot }
        #expect(records.contains { $0.startTimeUnixSecs == pivot })
        check("call_duration_min_secs=0&call_duration_max_secs=0") { $0.callDurationSecs == 0 }
        check("call_duration_min_secs=600&call_duration_max_secs=1200") { (600...1200).contains($0.callDurationSecs) }
    }

    @Test func ratings() {
        check("rating_min=4") { ($0.rating ?? 0) >= 4 }
        check("rating_max=2") { $0.rating != nil && $0.rating! <= 2 }
        check("rating_min=3&rating_max=3") { $0.rating == 3 }
    }

    @Test func hiddenFilters() {
        check("user_id=user_0003") { $0.userID == "user_0003" }
        check("topic_ids=topic_login&topic_ids=topic_other") { !Set($0.topicIDs).isDisjoint(with: ["topic_login", "topic_other"]) }
        check("search=REFUND") { $0.messages.contains { $0.lowercased().contains("refund") } }
        check("search=") { _ in true }
        check("search=zzzz") { _ in false }
    }

    @Test func evaluationParams() {
        check("evaluation_params=resolution:success") { $0.evaluation["resolution"] == "success" }
        check("evaluation_params=resolution:success&evaluation_params=accuracy:failure") {
            $0.evaluation["resolution"] == "success" && $0.evaluation["accuracy"] == "failure"
        }
        check("evaluation_params=nope:success") { _ in false }
    }

    @Test func dataCollectionParams() {
        func number(_ record: ReferenceConversationRecord, _ id: String) -> Double? {
            guard id != "customer_tier", id != "callback_note", id != "satisfied" else { return nil }
            return record.dataCollection[id].flatMap(Double.init)
        }
        let encode = TestSupport.encode
        check("data_collection_params=" + encode("customer_tier:eq:gold")) { $0.dataCollection["customer_tier"] == "gold" }
        check("data_collection_params=" + encode("customer_tier:neq:gold")) {
            $0.dataCollection["customer_tier"] != nil && $0.dataCollection["customer_tier"] != "gold"
        }
        check("data_collection_params=" + encode("customer_tier:eq:")) { $0.dataCollection["customer_tier"] == nil }
        check("data_collection_params=" + encode("customer_tier:neq:")) { $0.dataCollection["customer_tier"] != nil }
        check("data_collection_params=" + encode("satisfied:eq:true")) { $0.dataCollection["satisfied"] == "true" }
        check("data_collection_params=" + encode("order_total:eq:12.5")) { $0.dataCollection["order_total"] == "12.5" }
        check("data_collection_params=" + encode("order_total:eq:12.50")) { _ in false }
        check("data_collection_params=" + encode("order_total:gt:20")) { (number($0, "order_total") ?? -1e9) > 20 }
        check("data_collection_params=" + encode("order_total:gte:20")) { (number($0, "order_total") ?? -1e9) >= 20 }
        check("data_collection_params=" + encode("items_count:lt:3")) { (number($0, "items_count") ?? 1e9) < 3 }
        check("data_collection_params=" + encode("items_count:lte:3.0")) { (number($0, "items_count") ?? 1e9) <= 3 }
        check("data_collection_params=" + encode("customer_tier:gt:0")) { _ in false }
        check("data_collection_params=" + encode("customer_tier:in:gold|bronze")) {
            ["gold", "bronze"].contains($0.dataCollection["customer_tier"] ?? "")
        }
        check("data_collection_params=" + encode("callback_note:eq:ticket:4411|priority:high")) {
            $0.dataCollection["callback_note"] == "ticket:4411|priority:high"
        }
        check("data_collection_params=" + encode("items_count:exists")) { $0.dataCollection["items_count"] != nil }
        check("data_collection_params=" + encode("items_count:missing:")) { $0.dataCollection["items_count"] == nil }
        check("data_collection_params=" + encode("unknown_id:missing")) { _ in true }
        check("data_collection_params=" + encode("unknown_id:eq:x")) { _ in false }
    }

    @Test func filtersAreANDed() {
        check("rating_min=2&call_successful=success&tag_ids=tag_vip&tag_ids=tag_refund&exclude_statuses=failed") {
            ($0.rating ?? 0) >= 2 && $0.callSuccessful == "success"
                && !Set($0.tagIDs).isDisjoint(with: ["tag_vip", "tag_refund"]) && $0.status != "failed"
        }
    }

    @Test func projection() {
        let excluded = TestSupport.page(app, "page_size=50")!
        #expect(excluded.items.allSatisfy { $0["transcript_summary"] == nil })
        #expect(excluded.items.allSatisfy { $0["data_collection_results"] == nil && $0["evaluation_criteria_results"] == nil })
        let included = TestSupport.page(app, "page_size=50&summary_mode=include")!
        #expect(included.items.allSatisfy { $0.keys.contains("transcript_summary") })
        let withResults = TestSupport.page(
            app, "page_size=50&data_collection_ids=order_total&data_collection_ids=nope&evaluation_criteria_ids=politeness")!
        for (item, record) in zip(withResults.items, records) {
            let results = item["data_collection_results"] as! [String: Any]
            #expect(Set(results.keys) == (record.dataCollection["order_total"] == nil ? [] : ["order_total"]))
            if let entry = results["order_total"] as? [String: Any] {
                #expect(entry["data_collection_id"] as? String == "order_total")
                #expect(entry["value"] is NSNumber)
            }
            let evaluation = item["evaluation_criteria_results"] as! [String: Any]
            #expect(Set(evaluation.keys) == (record.evaluation["politeness"] == nil ? [] : ["politeness"]))
            if let entry = evaluation["politeness"] as? [String: Any] {
                #expect(entry["result"] as? String == record.evaluation["politeness"])
            }
        }
    }

    @Test func requiredFieldsPresent() {
        let page = TestSupport.page(app, "page_size=100")!
        let required = ["agent_id", "conversation_id", "start_time_unix_secs", "call_duration_secs", "message_count",
                        "status", "call_successful", "tag_ids", "termination_reason"]
        for item in page.items {
            for key in required { #expect(item[key] != nil && !(item[key] is NSNull), "missing \(key)") }
        }
    }
}
