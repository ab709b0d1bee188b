import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import Testing
@testable import ConvfuzzRunner

@Suite("Walks at fixed page sizes")
struct PageSizeWalkPlannerTests {
    let planner = PageSizeWalkPlanner(spec: Paths.spec, itemLimit: 50)

    /// A complete walk of `query` over `count` items, in pages of at most the spec's maximum page size
    /// (a longer page is itself a finding and is not parsed item by item).
    func walk(_ query: String, items count: Int, complete: Bool = true) -> Walk {
        let items = (0..<count).map { "{\"conversation_id\":\"c\($0)\",\"start_time_unix_secs\":\(1000 - $0)}" }
        let size = Paths.spec.pagination.maxPageSize
        let chunks = stride(from: 0, to: max(count, 1), by: size).map { Array(items[$0..<min(count, $0 + size)]) }
        var pages: [WalkPage] = []
        for (index, chunk) in chunks.enumerated() {
            let last = index == chunks.count - 1
            let more = last ? "\"has_more\":false,\"next_cursor\":null" : "\"has_more\":true,\"next_cursor\":\"p\(index + 1)\""
            let body = "{\"conversations\":[\(chunk.joined(separator: ","))],\(more)}"
            let response = ObservedResponse(query: query, status: 200, body: body)
            let page = try? PageParser(spec: Paths.spec).parse(response.body).get()
            pages.append(WalkPage(response: response, page: page, cursorSent: index == 0 ? nil : "p\(index)"))
        }
        let pairs = QueryCodec.pairs(fromQuery: query)
        return Walk(spec: Paths.spec, baseQuery: query, classification: WireClassifier(spec: Paths.spec).classify(pairs),
                    pages: pages, end: complete ? .completed : .pageLimit(1))
    }

    @Test func theNarrowestWalkThatSpansTwoPagesIsTakenAtOneTwoTheDefaultAndTheMaximum() throws {
        let walks = [walk("agent_id=a&page_size=7", items: 40), walk("agent_id=b", items: 1), walk("user_id=u&page_size=3", items: 5),
                     walk("branch_id=x", items: 3, complete: false), walk("rating_min=2", items: 400)]
        let plan = try #require(planner.plan(walks: walks, fallback: nil, maxWalkPages: 2_000))
        #expect(plan.walks.map(\.name) == ["1", "2", "default", "max"])
        #expect(plan.walks.map(\.pageSize) == [1, 2, 30, 100])
        #expect(plan.walks.map(\.plan.query) == ["user_id=u&page_size=1", "user_id=u&page_size=2", "user_id=u", "user_id=u&page_size=100"])
        #expect(plan.reference == plan.walks[3].plan)
        #expect(plan.maxPages == 14)
        // Items grow at the head: a descending walk is preferred to a narrower ascending one.
        let growing = [walk("user_id=u&sort_direction=asc", items: 3), walk("agent_id=a", items: 9)]
        #expect(try #require(planner.plan(walks: growing, fallback: nil, maxWalkPages: 2_000)).walks[0].plan.query
                == "agent_id=a&page_size=1")
    }

    @Test func withoutANarrowWalkTheNarrowestOrTheFallbackIsBounded() throws {
        let wide = try #require(planner.plan(walks: [walk("rating_min=2", items: 400), walk("rating_min=1", items: 300)],
                                             fallback: nil, maxWalkPages: 2_000))
        #expect(wide.walks[0].plan.query == "rating_min=1&page_size=1")
        #expect(wide.maxPages == 604)
        let fallback = try #require(planner.plan(walks: [walk("agent_id=b", items: 1)], fallback: QueryCodec.pairs(fromQuery: "page_size=100"),
                                                 maxWalkPages: 2_000))
        #expect(fallback.walks.map(\.plan.query) == ["page_size=1", "page_size=2", "", "page_size=100"])
        #expect(fallback.maxPages == 50)
        #expect(planner.plan(walks: [], fallback: nil, maxWalkPages: 10) == nil)
        #expect(try #require(planner.plan(walks: [walk("x=1", items: 9)], fallback: nil, maxWalkPages: 4)).maxPages == 4)
    }
}
