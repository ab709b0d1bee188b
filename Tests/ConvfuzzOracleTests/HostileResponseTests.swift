import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Hostile responses: media types, lazy page counting, streaming walks")
struct HostileResponseTests {
    let oracle = ResponseOracle(spec: Fixtures.spec)

    func response(_ status: Int, contentType: String?, body: String = "{\"conversations\":[],\"has_more\":false,\"next_cursor\":null}") -> ObservedResponse {
        var headers = ["content-length": String(body.utf8.count)]
        if let contentType { headers["content-type"] = contentType }
        return ObservedResponse(query: "", status: status, body: body, headers: headers)
    }

    @Test func successMediaTypeIgnoresParametersAndCase() {
        #expect(oracle.mediaTypeFinding(response(200, contentType: "application/json")) == nil)
        #expect(oracle.mediaTypeFinding(response(200, contentType: "Application/JSON ; charset=utf-8")) == nil)
    }

    @Test func wrongOrMissingSuccessMediaTypeIsAFinding() throws {
        let plain = try #require(oracle.mediaTypeFinding(response(200, contentType: "text/plain")))
        #expect(plain.signature == "CF-CONTENT-TYPE|-|text/plain")
        let missing = try #require(oracle.mediaTypeFinding(response(200, contentType: nil)))
        #expect(missing.signature == "CF-CONTENT-TYPE|-|missing")
        let findings = oracle.check(classification: Fixtures.success(), response: response(200, contentType: "text/html"))
        #expect(findings.map(\.check) == [.contentType])
    }

    @Test func validationErrorsUseTheErrorMediaType() throws {
        let body = Fixtures.validationBody("page_size")
        let plain = try #require(oracle.mediaTypeFinding(response(422, contentType: "text/plain", body: body)))
        #expect(plain.check == .errorContentType)
        #expect(oracle.mediaTypeFinding(response(422, contentType: "application/json", body: body)) == nil)
        #expect(oracle.mediaTypeFinding(response(500, contentType: "text/html", body: "boom")) == nil)
    }

    @Test func itemCounterStopsPastTheBound() {
        let items = (0..<500).map { "{\"conversation_id\":\"c\($0)\",\"nested\":{\"a\":[1,\"]\",{}]}}" }.joined(separator: ",")
        let body = Array("{\"has_more\":false,\"conversations\":[\(items)],\"next_cursor\":null}".utf8)
        #expect(ItemCounter.count(body, field: "conversations", stopAfter: 100) == 101)
        #expect(ItemCounter.count(body, field: "conversations", stopAfter: 1000) == 500)
        #expect(ItemCounter.count(Array("{\"conversations\":[]}".utf8), field: "conversations", stopAfter: 5) == 0)
        #expect(ItemCounter.count(Array("{\"conversations\":[1,2".utf8), field: "conversations", stopAfter: 5) == nil)
        #expect(ItemCounter.count(Array("[1,2]".utf8), field: "conversations", stopAfter: 5) == nil)
        #expect(ItemCounter.count(Array("{\"other\":\"x\"}".utf8), field: "conversations", stopAfter: 5) == nil)
    }

    @Test func aPageOverTheMaximumIsCountedWithoutParsing() {
        let items = (0..<150).map { _ in "{}" }.joined(separator: ",")
        let body = "{\"conversations\":[\(items)],\"has_more\":false,\"next_cursor\":null}"
        let findings = oracle.check(classification: Fixtures.success(), response: ObservedResponse(query: "", status: 200, body: body))
        #expect(findings.map(\.signature) == ["CF-PAGE-SIZE|page_size|over-maximum"])
        #expect(PageParser(spec: Fixtures.spec).parse(Array(body.utf8)) == .failure(.overMaximum(101)))
    }

    @Test func skippedRequestsAreNotJudged() {
        let skipped = ObservedResponse.skipped(query: "a=1", reason: "the time budget is spent")
        #expect(skipped.wasSkipped)
        #expect(oracle.check(classification: Fixtures.success(), response: skipped).isEmpty)
    }

    @Test func aStreamingWalkAtItsPageBoundIsALoop() {
        var checker = StreamingWalkChecker(spec: Fixtures.spec, baseQuery: "", classification: Fixtures.success())
        let page = WalkFixtures.walk([[("a", 9)], [("b", 8)]], end: .pageLimit(2), pageSize: 1, lastHasMore: true)
        for walkPage in page.pages { _ = checker.add(walkPage) }
        #expect(!checker.keepsIDSet, "an ordered walk with a unique tie-break needs no id set")
        #expect(checker.finish(end: .pageLimit(2)).map(\.check) == [.walkLoop])
    }

    @Test func theIDSetStartsAtTheFirstOrderBreakAndStillCatchesARepeat() {
        var checker = StreamingWalkChecker(spec: Fixtures.spec, baseQuery: "", classification: Fixtures.success())
        let walk = WalkFixtures.walk([[("a", 9), ("b", 8)], [("b", 8), ("c", 7)]], end: .completed)
        var findings: [Finding] = []
        for walkPage in walk.pages { findings += checker.add(walkPage) }
        findings += checker.finish(end: .completed)
        #expect(checker.keepsIDSet)
        #expect(findings.map(\.check).contains(.walkDup))
        #expect(findings.map(\.check).contains(.walkOrder))
    }
}
