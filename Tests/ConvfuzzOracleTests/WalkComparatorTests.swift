import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Walk comparator")
struct WalkComparatorTests {
    let comparator = WalkComparator(spec: Fixtures.spec)
    let all = WalkFixtures.items(10)

    @Test func pageSizeUnion() {
        let a = WalkFixtures.walk(WalkFixtures.paged(all, size: 3), pageSize: 3)
        let b = WalkFixtures.walk(WalkFixtures.paged(all, size: 4), pageSize: 4)
        #expect(comparator.samePageSizeUnion(a, b).isEmpty)
        let skipped = WalkFixtures.walk(WalkFixtures.paged(Array(all.dropLast()), size: 4), pageSize: 4)
        let findings = comparator.samePageSizeUnion(a, skipped)
        #expect(findings.map(\.signature) == ["CF-WALK-PAGESIZE|page_size|missing"])
        #expect(findings[0].message.contains("p9"))
        let incomplete = WalkFixtures.walk([[("x", 1)]], end: .failed("500"))
        #expect(comparator.samePageSizeUnion(a, incomplete).isEmpty)
    }

    func walk(_ items: [JSONValue], query: EffectiveQuery) -> Walk {
        let body = Fixtures.body(items)
        let response = Fixtures.response(body)
        let page = try? PageParser(spec: Fixtures.spec).parse(response.body).get()
        return Walk(spec: Fixtures.spec, baseQuery: "q", classification: Fixtures.success(query),
                    pages: [WalkPage(response: response, page: page, cursorSent: nil)], end: .completed)
    }

    @Test func completenessAgainstTheVisiblePredicate() {
        let items = (1...5).map { Fixtures.item("r\($0)", start: Int64(100 - $0), ["rating": .number(.init(Int64($0)))]) }
        let base = walk(items, query: EffectiveQuery())
        let filteredQuery = Fixtures.query(scalars: ["rating_min": "3"])
        let evaluator = FilterEvaluator(spec: Fixtures.spec)
        let good = walk(Array(items[2...]), query: filteredQuery)
        #expect(comparator.completeness(filtered: good, base: base, evaluator: evaluator).isEmpty)
        let exclusive = walk(Array(items[3...]), query: filteredQuery)
        let findings = comparator.completeness(filtered: exclusive, base: base, evaluator: evaluator)
        #expect(findings.map(\.signature) == ["CF-WALK-COMPLETENESS|rating_min|missing"])
        #expect(findings[0].message.contains("r3"))
        let hidden = walk(Array(items[4...]), query: Fixtures.query(scalars: ["user_id": "u"]))
        #expect(comparator.completeness(filtered: hidden, base: base, evaluator: evaluator).isEmpty)
    }

    @Test func completenessNeedsResultsInTheBase() {
        let results: JSONValue = ["k": ["data_collection_id": "k", "value": "v"]]
        let items = [Fixtures.item("a", start: 9, ["data_collection_results": results]), Fixtures.item("b", start: 8, ["data_collection_results": [:]])]
        let evaluator = FilterEvaluator(spec: Fixtures.spec)
        let filteredQuery = Fixtures.query(lists: ["data_collection_params": ["k:exists"], "data_collection_ids": ["k"]])
        let withIDs = walk(items, query: Fixtures.query(lists: ["data_collection_ids": ["k"]]))
        let wrong = walk([items[1]], query: filteredQuery)
        #expect(comparator.completeness(filtered: wrong, base: withIDs, evaluator: evaluator).map(\.check) == [.walkCompleteness])
        let withoutIDs = walk([Fixtures.item("a", start: 9), Fixtures.item("b", start: 8)], query: EffectiveQuery())
        #expect(comparator.completeness(filtered: wrong, base: withoutIDs, evaluator: evaluator).isEmpty)
    }

    @Test func reverse() {
        let desc = WalkFixtures.walk(WalkFixtures.paged(all, size: 4))
        let ascQuery = Fixtures.query(scalars: ["sort_direction": "asc"])
        let asc = WalkFixtures.walk(WalkFixtures.paged(all.reversed(), size: 3), query: ascQuery)
        #expect(comparator.reverse(asc: asc, desc: desc).isEmpty)
        var swapped = Array(all.reversed())
        swapped.swapAt(0, 1)
        let bad = WalkFixtures.walk(WalkFixtures.paged(swapped, size: 3), query: ascQuery)
        #expect(comparator.reverse(asc: bad, desc: desc).map(\.signature) == ["CF-SORT-REVERSE|sort_direction|order"])
    }

    @Test func growthWindowIgnoresLateItems() {
        let a = WalkFixtures.walk(WalkFixtures.paged(all, size: 4))
        let b = WalkFixtures.walk(WalkFixtures.paged([("late", 5000)] + all, size: 4))
        #expect(comparator.samePageSizeUnion(a, b).map(\.check) == [.walkPageSize])
        #expect(comparator.samePageSizeUnion(a, b, windowStart: 1000).isEmpty)
    }

    @Test func anItemCarryingTheWindowStartSecondIsNewToo() {
        // The base walk read second 1000 before another item was created in that same second.
        let base = WalkFixtures.walk(WalkFixtures.paged(all, size: 4))
        let later = WalkFixtures.walk(WalkFixtures.paged([("same-second", 1000)] + all, size: 4))
        #expect(comparator.samePageSizeUnion(base, later, windowStart: 1000).isEmpty)
        #expect(comparator.completeness(filtered: later, base: base, evaluator: FilterEvaluator(spec: Fixtures.spec),
                                        windowStart: 1000).isEmpty)
        #expect(GrowthWindow(spec: Fixtures.spec, windowStart: 1000).isLate(Fixtures.item("x", start: 1000)))
        #expect(!GrowthWindow(spec: Fixtures.spec, windowStart: 1000).isLate(Fixtures.item("x", start: 999)))
        #expect(comparator.samePageSizeUnion(base, later, windowStart: 1001).map(\.check) == [.walkPageSize])
    }

    @Test func cursorReuseContinuesFromThePosition() throws {
        // Base: all items; first page p0..p2 with a cursor. Other query: even items only.
        let base = WalkFixtures.walk(WalkFixtures.paged(all, size: 3))
        let basePage = try #require(base.pages[0].page)
        let evens = all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let other = WalkFixtures.walk(WalkFixtures.paged(evens, size: 2), pageSize: 2)
        func reused(_ entries: [(String, Int64)]) -> ObservedResponse {
            Fixtures.response(Fixtures.body(entries.map { Fixtures.item($0.0, start: $0.1) }, hasMore: true, cursor: "x"))
        }
        // After p2 under the even filter: p4, p6.
        #expect(comparator.cursorReuse(basePage: basePage, other: other, reused: reused([("p4", 996), ("p6", 994)]), pageSize: 2).isEmpty)
        let restarted = comparator.cursorReuse(basePage: basePage, other: other, reused: reused([("p0", 1000), ("p2", 998)]), pageSize: 2)
        #expect(restarted.map(\.check) == [.cursorReuse])
        #expect(restarted[0].signature == "CF-CURSOR-REUSE|-|missing+extra")
        let rejected = ObservedResponse(query: "x", status: 422, body: Fixtures.validationBody("cursor"))
        #expect(comparator.cursorReuse(basePage: basePage, other: other, reused: rejected, pageSize: 2).map(\.signature)
                == ["CF-CURSOR-REUSE|-|rejected:422"])
    }
}
