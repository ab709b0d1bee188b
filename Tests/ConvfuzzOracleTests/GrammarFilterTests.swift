import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Filter evaluator: grammar filters via results")
struct GrammarFilterTests {
    let evaluator = FilterEvaluator(spec: Fixtures.spec)

    func item(_ dc: [String: JSONValue]) -> JSONValue {
        let map = JSONObject(dc.mapValues { JSONValue.object(JSONObject([(key: "data_collection_id", value: "x"), (key: "value", value: $0)])) })
        return Fixtures.item("c1", start: 1, ["data_collection_results": .object(map)])
    }

    /// The verdict for one data-collection item with `ids` requested.
    func verdict(_ filter: String, _ dc: [String: JSONValue], ids: [String] = ["k"]) -> Bool? {
        evaluator.matches(item: item(dc), query: Fixtures.query(lists: ["data_collection_params": [filter], "data_collection_ids": ids]))
    }

    @Test func equalityComparesTheWireText() {
        #expect(verdict("k:eq:12.5", ["k": 12.5]) == true)
        #expect(verdict("k:eq:12.50", ["k": 12.5]) == false)
        #expect(verdict("k:eq:true", ["k": true]) == true)
        #expect(verdict("k:eq:True", ["k": true]) == false)
        #expect(verdict("k:eq:a:b", ["k": "a:b"]) == true)
        #expect(verdict("k:eq:x", [:]) == false)
    }

    @Test func emptyValuesFollowEmptyMeans() {
        #expect(verdict("k:eq:", [:]) == true)
        #expect(verdict("k:eq:", ["k": "v"]) == false)
        #expect(verdict("k:neq:", ["k": "v"]) == true)
        #expect(verdict("k:neq:", [:]) == false)
        let q = Fixtures.query(lists: ["data_collection_params": ["k:eq:"], "data_collection_ids": ["k"]])
        #expect(evaluator.violations(item: item(["k": "v"]), query: q).map(\.detail) == ["eq-empty:string"])
    }

    @Test func neqNeedsCollectedAndDifferent() {
        #expect(verdict("k:neq:a", ["k": "b"]) == true)
        #expect(verdict("k:neq:a", ["k": "a"]) == false)
        #expect(verdict("k:neq:a", [:]) == false)
        #expect(verdict("k:neq:1", ["k": 1.0]) == true)
    }

    @Test func inSplitsAtTheListSeparator() {
        #expect(verdict("k:in:a|b", ["k": "b"]) == true)
        #expect(verdict("k:in:a|b", ["k": "c"]) == false)
        #expect(verdict("k:in:1|2", ["k": 2]) == true)
        #expect(verdict("k:in:a|b", [:]) == false)
    }

    @Test func comparisonsAreNumericOnly() {
        #expect(verdict("k:gt:5", ["k": 6]) == true)
        #expect(verdict("k:gt:5", ["k": 5]) == false)
        #expect(verdict("k:gte:5", ["k": 5.0]) == true)
        #expect(verdict("k:lt:-1.5", ["k": -2]) == true)
        #expect(verdict("k:lte:0.1", ["k": .number(JSONNumber(text: "0.10000000000000001")!)]) == false)
        #expect(verdict("k:gt:5", ["k": "abc"]) == false)
        #expect(verdict("k:gt:5", ["k": true]) == false)
        #expect(verdict("k:gt:5", [:]) == false)
        // A numeric-looking string is ambiguous: never flagged either way.
        #expect(verdict("k:gt:5", ["k": "7"]) == nil)
        #expect(verdict("k:gt:5", ["k": "3"]) == nil)
    }

    @Test func existsAndMissing() {
        #expect(verdict("k:exists", ["k": "v"]) == true)
        #expect(verdict("k:exists:", [:]) == false)
        #expect(verdict("k:missing", [:]) == true)
        #expect(verdict("k:missing", ["k": false]) == false)
    }

    @Test func onlyRequestedIdsAreEvaluated() {
        #expect(verdict("k:eq:x", [:], ids: ["other"]) == nil)
        let q = Fixtures.query(lists: ["data_collection_params": ["k:eq:x"]])
        #expect(evaluator.violations(item: item([:]), query: q).isEmpty)
        #expect(evaluator.visibleFilters(in: q).isEmpty)
    }

    @Test func evaluationCriteriaWithAFixedOperator() {
        let results: JSONValue = ["c1": ["result": "success"], "c2": ["result": "failure"]]
        let item = Fixtures.item("a", start: 1, ["evaluation_criteria_results": results])
        let ok = Fixtures.query(lists: ["evaluation_params": ["c1:success", "c2:failure"], "evaluation_criteria_ids": ["c1", "c2", "c3"]])
        #expect(evaluator.matches(item: item, query: ok) == true)
        let bad = Fixtures.query(lists: ["evaluation_params": ["c1:failure", "c3:success"], "evaluation_criteria_ids": ["c1", "c3"]])
        #expect(evaluator.violations(item: item, query: bad).map(\.detail) == ["eq:string", "eq:uncollected"])
    }

    @Test func violationsNameParameterAndItem() {
        let q = Fixtures.query(lists: ["data_collection_params": ["k:gt:5"], "data_collection_ids": ["k"]])
        let violation = evaluator.violations(item: item(["k": "abc"]), query: q).first
        #expect(violation?.parameter == "data_collection_params")
        #expect(violation?.detail == "gt:string")
        #expect(violation?.message.contains("c1") == true)
    }

    @Test func splitterFollowsMaxSplits() {
        let grammar = Fixtures.spec.grammars["data_collection_item"]!
        #expect(GrammarSplitter.item("a:eq:b:c", grammar: grammar).fields == ["id": "a", "op": "eq", "value": "b:c"])
        #expect(GrammarSplitter.item("a:exists", grammar: grammar).fields == ["id": "a", "op": "exists"])
        #expect(GrammarSplitter.item("a", grammar: grammar).fields == ["id": "a"])
    }
}
