import Testing
@testable import ConvfuzzReferenceServer

@Suite struct ValidationTests {
    let app = TestSupport.application(size: 100)

    private func locs(_ query: String) -> [[String]]? { TestSupport.locs(TestSupport.request(app, query)) }
    private func status(_ query: String) -> Int { TestSupport.request(app, query).status }

    @Test(arguments: ["0", "101", "-1", "abc", "", "1.5", "1e3", " 5", "5 ", "99999999999999999999"])
    func invalidPageSize(_ value: String) {
        #expect(locs("page_size=" + TestSupport.encode(value)) == [["query", "page_size"]])
    }

    @Test(arguments: ["1", "100", "010", "+7", "0100"])
    func validPageSize(_ value: String) {
        #expect(status("page_size=" + TestSupport.encode(value)) == 200)
    }

    @Test func ratings() {
        #expect(locs("rating_min=0") == [["query", "rating_min"]])
        #expect(locs("rating_max=6") == [["query", "rating_max"]])
        #expect(locs("rating_max=x&rating_min=9") == [["query", "rating_max"], ["query", "rating_min"]])
        #expect(status("rating_min=1&rating_max=5") == 200)
    }

    @Test func integerBounds() {
        #expect(status("call_start_after_unix=-5") == 200)
        #expect(status("call_start_before_unix=-9223372036854775808") == 200)
        #expect(locs("call_start_before_unix=9223372036854775808") == [["query", "call_start_before_unix"]])
        #expect(locs("call_duration_min_secs=-1") == [["query", "call_duration_min_secs"]])
        #expect(locs("call_duration_max_secs=-1") == [["query", "call_duration_max_secs"]])
        #expect(locs("call_start_after_unix=1.0") == [["query", "call_start_after_unix"]])
    }

    @Test func enums() {
        #expect(locs("call_successful=error") == [["query", "call_successful"]])
        #expect(locs("call_successful=Success") == [["query", "call_successful"]])
        #expect(locs("summary_mode=full") == [["query", "summary_mode"]])
        #expect(locs("sort_direction=DESC") == [["query", "sort_direction"]])
        #expect(locs("conversation_initiation_source=Widget") == [["query", "conversation_initiation_source"]])
        #expect(locs("exclude_statuses=done&exclude_statuses=Done") == [["query", "exclude_statuses", "1"]])
        for source in ReferenceVocabulary.initiationSources {
            #expect(status("conversation_initiation_source=" + source) == 200)
        }
    }

    @Test(arguments: ["resolution", "resolution:", ":success", "resolution:ok", "resolution:Success", "a:b:success"])
    func invalidEvaluation(_ item: String) {
        #expect(locs("evaluation_params=resolution:success&evaluation_params=" + TestSupport.encode(item))
            == [["query", "evaluation_params", "1"]])
    }

    @Test(arguments: ["id", "id:", "id:eq", ":eq:1", "id:like:1", "id:gt:abc", "id:in:", "id:in:a||b", "id:exists:x",
                      "id:gt:.5", "id:gt:5.", "id:lte:", "id:in:|a", "id:missing:0"])
    func invalidDataCollection(_ item: String) {
        #expect(locs("data_collection_params=" + TestSupport.encode(item)) == [["query", "data_collection_params", "0"]])
    }

    @Test(arguments: ["id:exists", "id:exists:", "id:missing", "id:eq:", "id:neq:", "id:eq:a:b", "id:gt:-1.25",
                      "id:lte:+3", "id:in:a|b", "id:in:x", "id:neq:true"])
    func validDataCollection(_ item: String) {
        #expect(status("data_collection_params=" + TestSupport.encode(item)) == 200)
    }

    @Test func oneIssuePerProblemAndShape() {
        let response = TestSupport.request(app, "page_size=0&rating_min=7&cursor=zzz&unknown=1")
        #expect(TestSupport.locs(response) == [["query", "rating_min"], ["query", "page_size"], ["query", "cursor"]])
        let object = TestSupport.json(response) as? [String: Any]
        let first = (object?["detail"] as? [[String: Any]])?.first
        #expect(first?["msg"] is String)
        #expect(first?["type"] is String)
    }

    @Test func unknownParametersIgnoredAndRelationsEmpty() {
        #expect(status("visited_agent_ids=x&foo=bar") == 200)
        for query in ["rating_min=5&rating_max=1", "call_start_after_unix=1800000000&call_start_before_unix=1700000000",
                      "call_duration_min_secs=100&call_duration_max_secs=10"] {
            let page = TestSupport.page(app, query)
            #expect(page?.items.isEmpty == true)
            #expect(page?.hasMore == false)
            #expect(page?.nextCursor == nil)
        }
    }

    @Test func renamedParameters() {
        let renamed = TestSupport.application(size: 50, parameterNames: ["page_size": "limit"])
        #expect(TestSupport.page(renamed, "limit=3")?.items.count == 3)
        #expect(TestSupport.page(renamed, "page_size=0")?.items.count == 30)
        #expect(TestSupport.locs(TestSupport.request(renamed, "limit=0")) == [["query", "limit"]])
    }
}
