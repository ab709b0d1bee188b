import Testing
@testable import ConvfuzzReferenceServer

@Suite("Chaos modes")
struct ChaosModeTests {
    func app(_ modes: [ChaosMode], rate: Double = 1) -> ReferenceApplication {
        try! ReferenceApplication(configuration: ReferenceServerConfiguration(seed: 7, size: 200, chaos: modes, chaosRate: rate))
    }

    @Test func parsingNamesTheUnknownMode() throws {
        #expect(try ChaosMode.parseList("stall, trickle").get() == [.stall, .trickle])
        guard case .failure(let error) = ChaosMode.parseList("stall,nope") else {
            Issue.record("an unknown mode must fail")
            return
        }
        #expect(error.description.hasPrefix("unknown chaos mode 'nope'"))
    }

    @Test func endlessCursorHandsOutNewCursorsAndNewIDsForever() throws {
        let app = app([.endlessCursor])
        var cursor: String?
        var ids = Set<String>()
        for _ in 0..<20 {
            let page = try #require(TestSupport.page(app, "page_size=10" + (cursor.map { "&cursor=\($0)" } ?? "")))
            #expect(page.hasMore)
            let next = try #require(page.nextCursor)
            #expect(next != cursor)
            cursor = next
            for item in page.items { ids.insert(item["conversation_id"] as! String) }
        }
        #expect(ids.count == 200, "every page brings ten new ids")
    }

    @Test func cursorCycleComesBack() throws {
        let app = app([.cursorCycle])
        var seen: [String] = []
        var cursor: String?
        for _ in 0..<4 {
            let page = try #require(TestSupport.page(app, "page_size=5" + (cursor.map { "&cursor=\($0)" } ?? "")))
            let next = try #require(page.nextCursor)
            cursor = next
            seen.append(next)
        }
        #expect(seen[3] == seen[0])
    }

    @Test func bodyAndHeaderModes() throws {
        #expect(TestSupport.request(app([.wrongContentType]), "").contentType == "text/plain")
        let none = TestSupport.request(app([.noContentType]), "")
        #expect(none.contentType.isEmpty && !none.headers.contains { $0.name == "Content-Type" })
        let huge = TestSupport.request(app([.hugePage]), "page_size=1")
        #expect(huge.body.count > 4_000_000)
        let broken = TestSupport.request(app([.invalidEncoding]), "")
        #expect(String(validating: broken.body, as: UTF8.self) == nil)
        let day = TestSupport.request(app([.retryAfterDay]), "")
        #expect(day.status == 429 && day.extraHeaders.contains { $0.name == "Retry-After" && $0.value == "86400" })
        #expect(TestSupport.request(app([.stall]), "").directive == .stall)
        #expect(TestSupport.request(app([.trickle]), "").directive == .trickle)
        #expect(TestSupport.request(app([.reset]), "").directive == .reset)
    }

    @Test func theRateIsDeterministicAndRoughlyRight() {
        let first = app([.throttle], rate: 0.1)
        let second = app([.throttle], rate: 0.1)
        let a = (0..<1000).map { _ in TestSupport.request(first, "page_size=1").status }
        let b = (0..<1000).map { _ in TestSupport.request(second, "page_size=1").status }
        #expect(a == b)
        let throttled = a.filter { $0 == 429 }.count
        #expect((50...150).contains(throttled), "\(throttled) of 1000 at rate 0.1")
    }
}
