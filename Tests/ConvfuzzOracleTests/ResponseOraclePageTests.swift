import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Response oracle: page checks")
struct ResponseOraclePageTests {
    let oracle = ResponseOracle(spec: Fixtures.spec)

    func check(_ items: [JSONValue], hasMore: Bool = false, cursor: String? = nil,
               query: EffectiveQuery = EffectiveQuery(), expectation: ConvfuzzContract.Expectation = .success) -> [Finding] {
        oracle.check(classification: Classification(expectation: expectation, query: query),
                     response: Fixtures.response(Fixtures.body(items, hasMore: hasMore, cursor: cursor)))
    }

    func items(_ count: Int, start: Int64 = 1000) -> [JSONValue] {
        (0..<count).map { Fixtures.item("c\($0)", start: start - Int64($0)) }
    }

    @Test func pageSizeSentAndDefault() {
        #expect(check(items(30)).isEmpty)
        #expect(check(items(31)).map(\.signature) == ["CF-PAGE-SIZE|page_size|default"])
        let q = Fixtures.query(scalars: ["page_size": "05"])
        #expect(check(items(5), query: q).isEmpty)
        #expect(check(items(6), query: q).map(\.signature) == ["CF-PAGE-SIZE|page_size|sent"])
    }

    @Test func orderDescendingWithCodePointTies() {
        let ties = [Fixtures.item("b", start: 5), Fixtures.item("a", start: 5), Fixtures.item("Z", start: 5), Fixtures.item("z", start: 4)]
        #expect(check(ties).isEmpty)
        let wrongTie = [Fixtures.item("a", start: 5), Fixtures.item("b", start: 5)]
        #expect(check(wrongTie).map(\.signature) == ["CF-ORDER|-|desc:tie-break"])
        let wrongKey = [Fixtures.item("a", start: 4), Fixtures.item("b", start: 5)]
        #expect(check(wrongKey).map(\.signature) == ["CF-ORDER|-|desc:key"])
        let duplicate = [Fixtures.item("a", start: 4), Fixtures.item("a", start: 4)]
        #expect(check(duplicate).map(\.signature) == ["CF-ORDER|-|desc:duplicate"])
    }

    @Test func orderAscendingFromTheDirectionParameter() {
        let asc = Fixtures.query(scalars: ["sort_direction": "asc"])
        let ordered = [Fixtures.item("a", start: 4), Fixtures.item("b", start: 4), Fixtures.item("a", start: 5)]
        #expect(check(ordered, query: asc).isEmpty)
        #expect(check(ordered).map(\.check) == [.order])
        // Code points, not locale: "é" (U+00E9) after "z" (U+007A) after "Z".
        let unicode = [Fixtures.item("Z", start: 1), Fixtures.item("z", start: 1), Fixtures.item("é", start: 1)]
        #expect(check(unicode, query: asc).isEmpty)
    }

    @Test func hasMoreMatchesCursor() {
        #expect(check(items(2), hasMore: true, cursor: "abc").isEmpty)
        #expect(check(items(2), hasMore: true).map(\.signature) == ["CF-HASMORE-CURSOR|-|true-without-cursor"])
        #expect(check(items(2), hasMore: false, cursor: "abc").map(\.signature) == ["CF-HASMORE-CURSOR|-|false-with-cursor"])
    }

    @Test func summaryProjectionByValueAndDefault() {
        let withSummary = [Fixtures.item("a", start: 1, ["transcript_summary": "hi"])]
        let nullSummary = [Fixtures.item("a", start: 1, ["transcript_summary": .null])]
        #expect(check(withSummary).map(\.signature) == ["CF-PROJECTION|summary_mode|exclude:absent_or_null"])
        #expect(check(nullSummary).isEmpty)
        let include = Fixtures.query(scalars: ["summary_mode": "include"])
        #expect(check(nullSummary, query: include).isEmpty)
        #expect(check(items(1), query: include).map(\.signature) == ["CF-PROJECTION|summary_mode|include:present"])
    }

    @Test func resultsMapsOnlyForRequestedIds() {
        let results: JSONValue = ["dc1": ["data_collection_id": "dc1", "value": "x"]]
        let item = [Fixtures.item("a", start: 1, ["data_collection_results": results])]
        #expect(check(item).map(\.signature) == ["CF-RESULTS-IDS|data_collection_ids|without-parameter"])
        #expect(check(item, query: Fixtures.query(lists: ["data_collection_ids": ["dc1", "dc2"]])).isEmpty)
        #expect(check(item, query: Fixtures.query(lists: ["data_collection_ids": ["dc2"]])).map(\.signature)
                == ["CF-RESULTS-IDS|data_collection_ids|unrequested-key"])
        #expect(check([Fixtures.item("a", start: 1, ["evaluation_criteria_results": .null])]).isEmpty)
    }

    @Test func relationConflictMustBeEmpty() {
        let empty = ConvfuzzContract.Expectation.empty(relation: "rating_min>rating_max")
        let q = Fixtures.query(scalars: ["rating_min": "5", "rating_max": "1"])
        #expect(check([], query: q, expectation: empty).isEmpty)
        #expect(check(items(1), query: q, expectation: empty).map(\.check) == [.relationEmpty])
        #expect(check([], hasMore: true, cursor: "c", query: q, expectation: empty).map(\.check) == [.relationEmpty])
    }

    @Test func filterViolationsAreGroupedPerPage() {
        let q = Fixtures.query(scalars: ["rating_min": "4"])
        let page = [Fixtures.item("a", start: 9, ["rating": 4]), Fixtures.item("b", start: 8, ["rating": 3]),
                    Fixtures.item("c", start: 7, ["rating": 2]), Fixtures.item("d", start: 6, ["rating": .null])]
        let findings = check(page, query: q)
        #expect(findings.map(\.signature) == ["CF-FILTER|rating_min|gte", "CF-FILTER|rating_min|gte:null"])
        #expect(findings[0].message.contains("2 items"))
    }

    @Test func schemaViolationsAreGroupedByPath() {
        let page = [Fixtures.item("a", start: 9, ["status": 1]), Fixtures.item("b", start: 8, ["status": 2])]
        let findings = check(page)
        #expect(findings.map(\.signature) == ["CF-SCHEMA|-|conversations[].status:type"])
        #expect(findings[0].evidence[0].excerpt.contains("\"conversation_id\":\"a\""))
        let noItems = oracle.check(classification: Fixtures.success(), response: ObservedResponse(query: "", status: 200, body: "[]"))
        #expect(noItems.map(\.check) == [.schema])
    }

    @Test func pageParserReadsThroughTheSpec() throws {
        let parser = PageParser(spec: Fixtures.spec)
        let page = try parser.parse(Array(#"{"conversations":[{"conversation_id":"x"},{"conversation_id":7},{}],"has_more":true,"next_cursor":"n"}"#.utf8)).get()
        #expect(page.ids == ["x", "7"])
        #expect(page.hasMore == true && page.nextCursor == "n")
        guard case .failure(.notJSON(let error)) = parser.parse(Array(#"{"a":"#.utf8)) else {
            Issue.record("expected a parse failure")
            return
        }
        #expect(error.isTruncation)
    }
}
