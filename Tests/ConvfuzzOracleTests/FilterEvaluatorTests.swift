import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Filter evaluator: visible fields")
struct FilterEvaluatorTests {
    let evaluator = FilterEvaluator(spec: Fixtures.spec)

    func details(_ item: JSONValue, scalars: [String: String] = [:], lists: [String: [String]] = [:]) -> [String] {
        evaluator.violations(item: item, query: Fixtures.query(scalars: scalars, lists: lists)).map { "\($0.parameter)|\($0.detail)" }
    }

    @Test func equality() {
        let item = Fixtures.item("a", start: 1, ["agent_id": "ag", "call_successful": "failure"])
        #expect(details(item, scalars: ["agent_id": "ag", "call_successful": "failure"]).isEmpty)
        #expect(details(item, scalars: ["agent_id": "AG"]) == ["agent_id|eq"])
        #expect(details(item, scalars: ["branch_id": "b1"]) == ["branch_id|eq:null"])
    }

    @Test func inclusiveBoundsCompareExactly() {
        let item = Fixtures.item("a", start: 100, ["call_duration_secs": 60, "rating": 4.0])
        #expect(details(item, scalars: ["call_start_after_unix": "100", "call_start_before_unix": "100"]).isEmpty)
        #expect(details(item, scalars: ["call_start_after_unix": "101"]) == ["call_start_after_unix|gte"])
        #expect(details(item, scalars: ["call_start_before_unix": "099"]) == ["call_start_before_unix|lte"])
        #expect(details(item, scalars: ["rating_min": "4", "rating_max": "4"]).isEmpty)
        #expect(details(item, scalars: ["rating_max": "3"]) == ["rating_max|lte"])
        #expect(details(item, scalars: ["call_duration_min_secs": "+60", "call_duration_max_secs": "60"]).isEmpty)
        #expect(details(item, scalars: ["call_start_after_unix": "-5"]).isEmpty)
    }

    @Test func nullNeverMatchesRatingFilters() {
        let item = Fixtures.item("a", start: 1, ["rating": .null])
        #expect(details(item, scalars: ["rating_min": "1"]) == ["rating_min|gte:null"])
        #expect(details(Fixtures.item("a", start: 1, ["rating": nil]), scalars: ["rating_max": "5"]) == ["rating_max|lte:null"])
    }

    @Test func listOperators() {
        let item = Fixtures.item("a", start: 1, ["main_language": "en", "status": "failed", "tag_ids": ["t1", "t2"]])
        #expect(details(item, lists: ["main_languages": ["de", "en"]]).isEmpty)
        #expect(details(item, lists: ["main_languages": ["de"]]) == ["main_languages|in"])
        #expect(details(Fixtures.item("a", start: 1, ["main_language": .null]), lists: ["main_languages": ["en"]]) == ["main_languages|in:null"])
        #expect(details(item, lists: ["exclude_statuses": ["done", "initiated"]]).isEmpty)
        #expect(details(item, lists: ["exclude_statuses": ["done", "failed"]]) == ["exclude_statuses|not_in"])
        #expect(details(item, lists: ["tag_ids": ["t9", "t2"]]).isEmpty)
        #expect(details(item, lists: ["tag_ids": ["t9"]]) == ["tag_ids|intersects"])
        #expect(details(Fixtures.item("a", start: 1, ["tag_ids": []]), lists: ["tag_ids": ["t9"]]) == ["tag_ids|intersects:empty"])
    }

    @Test func hiddenFiltersAreNeverViolationsButMakeMatchingUnknown() {
        let item = Fixtures.item("a", start: 1)
        let q = Fixtures.query(scalars: ["user_id": "u1", "search": "hello"], lists: ["topic_ids": ["x"]])
        #expect(evaluator.violations(item: item, query: q).isEmpty)
        #expect(evaluator.matches(item: item, query: q) == nil)
        #expect(evaluator.visibleFilters(in: q).isEmpty)
        #expect(evaluator.givenFilters(in: q).count == 3)
    }

    @Test func matchesCombinesWithAnd() {
        let item = Fixtures.item("a", start: 1, ["rating": 3])
        #expect(evaluator.matches(item: item, query: Fixtures.query(scalars: ["rating_min": "3"])) == true)
        #expect(evaluator.matches(item: item, query: Fixtures.query(scalars: ["rating_min": "4", "user_id": "u"])) == false)
        #expect(evaluator.matches(item: item, query: EffectiveQuery()) == true)
    }

    @Test func canonicallyEquivalentTextIsUndecided() {
        let item = Fixtures.item("a", start: 1, ["agent_id": "caf\u{E9}"])
        #expect(details(item, scalars: ["agent_id": "cafe\u{301}"]).isEmpty)
        #expect(evaluator.matches(item: item, query: Fixtures.query(scalars: ["agent_id": "cafe\u{301}"])) == nil)
    }
}
