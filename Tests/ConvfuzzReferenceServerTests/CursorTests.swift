import Testing
@testable import ConvfuzzReferenceServer

@Suite struct CursorTests {
    static let size = 300
    let app = TestSupport.application(size: size)
    let records = TestSupport.records(size: size)

    @Test(arguments: [1, 7, 30, 100])
    func fullWalkVisitsEveryItemOnce(pageSize: Int) {
        let ids = TestSupport.walk(app, "page_size=\(pageSize)")
        #expect(ids == records.map(\.conversationID))
    }

    @Test func ascendingIsReverse() {
        let ascending = TestSupport.walk(app, "page_size=13&sort_direction=asc")
        #expect(ascending == records.reversed().map(\.conversationID))
        let desc = TestSupport.walk(app, "page_size=13&sort_direction=desc")
        #expect(desc == records.map(\.conversationID))
    }

    @Test func defaultPageSizeAndLastPage() {
        let first = TestSupport.page(app, "")!
        #expect(first.items.count == 30)
        #expect(first.hasMore && first.nextCursor != nil)
        let all = TestSupport.page(app, "page_size=100&call_start_after_unix=0&tag_ids=tag_spam&rating_min=5")!
        #expect(!all.hasMore)
        #expect(all.nextCursor == nil)
    }

    @Test func exactlyFullLastPageHasNoCursor() {
        let count = records.filter { $0.agentID == ReferenceVocabulary.agentIDs[0] }.count
        let page = TestSupport.page(app, "page_size=\(count)&agent_id=\(ReferenceVocabulary.agentIDs[0])")!
        #expect(page.items.count == count)
        #expect(!page.hasMore && page.nextCursor == nil)
    }

    @Test func invalidCursors() {
        let cursor = TestSupport.page(app, "page_size=5")!.nextCursor!
        var edited = Array(cursor)
        edited[10] = edited[10] == "A" ? "B" : "A"
        let candidates = ["", "garbage", String(cursor.dropLast()), String(cursor.dropLast(4)), String(edited),
                          cursor + "A", cursor + "AAAA", "%00", String(repeating: "A", count: 60)]
        for candidate in candidates {
            let response = TestSupport.request(app, "cursor=" + TestSupport.encode(candidate))
            #expect(TestSupport.locs(response) == [["query", "cursor"]], "cursor \(candidate)")
        }
    }

    @Test func cursorIsPositionNotQuery() {
        let first = TestSupport.page(app, "page_size=10")!
        let lastKey = records[9]
        let filtered = TestSupport.page(app, "page_size=100&rating_min=4&cursor=" + first.nextCursor!)!
        let expected = records.dropFirst(10).filter { ($0.rating ?? 0) >= 4 }.prefix(100).map(\.conversationID)
        #expect(filtered.ids == Array(expected))
        #expect(lastKey.conversationID == first.ids.last)
        let ascending = TestSupport.page(app, "page_size=5&sort_direction=asc&cursor=" + first.nextCursor!)!
        #expect(ascending.ids == records.prefix(9).reversed().prefix(5).map(\.conversationID))
    }

    @Test func tiesAreOrderedByIDInTheSameDirection() {
        let page = TestSupport.page(app, "page_size=100")!
        let pairs = page.items.map { ($0["start_time_unix_secs"] as! Int, $0["conversation_id"] as! String) }
        var ties = 0
        for (a, b) in zip(pairs, pairs.dropFirst()) {
            #expect(a.0 > b.0 || (a.0 == b.0 && a.1 > b.1))
            if a.0 == b.0 { ties += 1 }
        }
        #expect(ties > 0)
    }

    @Test func growthInsertsAtTheHead() {
        let growing = TestSupport.application(size: 100, insertEvery: 2)
        let ids = TestSupport.walk(growing, "page_size=10")!
        #expect(ids == TestSupport.records(size: 100).map(\.conversationID))
        #expect(growing.conversationCount > 100)
        let head = TestSupport.page(growing, "page_size=1")!
        #expect(!ids.contains(head.ids[0]))
        #expect((head.items[0]["start_time_unix_secs"] as! Int) > Int(TestSupport.records(size: 100)[0].startTimeUnixSecs))
    }
}
