import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzResults
import ConvfuzzSpec
import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// The runner tests' paths: the shared ``TestPaths``.
enum Paths {
    static var root: String { TestPaths.root }
    static var spec: Spec { TestPaths.spec }
    static func temporary() -> String { TestPaths.temporaryDirectory("convfuzz-runner") }
}

@Suite("Runner pieces")
struct RunnerUnitTests {
    @Test func queryStringsSplitBackIntoTheSameBytes() {
        for query in ["", "a=1", "a=1&&b", "x=%zz&y=%7C|&z=a:b", "k=&k", "&lead"] {
            #expect(QueryCodec.queryString(QueryCodec.pairs(fromQuery: query)) == query)
        }
    }

    @Test func shaperRewritesByDecodedName() {
        let shaper = QueryShaper(spec: Paths.spec)
        let pairs = [WirePair(name: "page%5Fsize", value: "5"), WirePair.encoding("cursor", "abc"), WirePair.encoding("agent_id", "a")]
        #expect(shaper.withoutCursor(pairs).map(\.name) == ["page%5Fsize", "agent_id"])
        #expect(shaper.setting("page_size", to: "100", in: pairs).map(\.text) == ["cursor=abc", "agent_id=a", "page_size=100"])
        #expect(shaper.companionPageSize(for: 100) != 100)
        #expect(shaper.companionPageSize(for: nil) == 100)
    }

    @Test func resultsHelpersFollowGrammarFilters() {
        let shaper = QueryShaper(spec: Paths.spec)
        let query = EffectiveQuery(grammarItems: [
            "data_collection_params": [GrammarItem(raw: "tier:eq:gold", fields: ["id": "tier", "op": "eq", "value": "gold"]),
                                       GrammarItem(raw: "tier:neq:x", fields: ["id": "tier", "op": "neq", "value": "x"])],
            "evaluation_params": [GrammarItem(raw: "politeness:success", fields: ["id": "politeness", "result": "success"])],
        ])
        let pairs = shaper.withResultsHelpers([], query: query).map(\.text)
        #expect(pairs.sorted() == ["data_collection_ids=tier", "evaluation_criteria_ids=politeness"])
    }

    @Test(arguments: [("3", 3.0), ("0", 0.0), (" 7 ", 7.0)])
    func retryAfterSeconds(_ header: String, _ seconds: Double) {
        #expect(RetryAfter.seconds(header) == seconds)
    }

    @Test func retryAfterDatesAndGarbage() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let later = "Tue, 14 Nov 2023 22:13:40 GMT"
        #expect(RetryAfter.seconds(later, now: now) == 20)
        #expect(RetryAfter.seconds("soon") == nil)
        #expect(RetryAfter.seconds(nil) == nil)
        #expect(RetryAfter.seconds("-5") == nil)
    }

    @Test func rateLimiterSpacesRequests() {
        let limiter = RateLimiter(perSecond: 50)!
        let start = Clock.monotonic()
        for _ in 0..<6 { limiter.acquire(1) }
        #expect(Clock.monotonic() - start >= 0.09)
        #expect(RateLimiter(perSecond: nil) == nil)
        #expect(RateLimiter(perSecond: 0) == nil)
    }

    @Test func corpusEntriesAreWrittenAtomicallyAndKeepTheirFirstDate() throws {
        let directory = Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = CorpusStore(directory: directory)
        var entry = CorpusEntry(check: "CF-FILTER", signature: "CF-FILTER|rating_min|gte", parameter: "rating_min",
                                firstSeen: "2026-01-01", specName: "s", specFingerprint: "f", seed: 1,
                                replay: .walk(query: "rating_min=3", pageSize: 30, companion: nil), message: "m",
                                expected: "e", observed: "o", evidence: [])
        let path = try store.save(entry)
        entry.firstSeen = "2026-02-02"
        #expect(try store.save(entry) == path)
        #expect(try CorpusStore.load(path: path).firstSeen == "2026-01-01")
        #expect(store.files() == [path])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"signature\": \"CF-FILTER|rating_min|gte\""), "written by JSONWriter (pretty, keys sorted)")
    }

    @Test func unreadableCorpusAndBaselineFilesNameTheFile() throws {
        let directory = Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = directory + "/bad.json"
        try "{\"check\": 1}".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect { try CorpusStore.load(path: bad) } throws: { "\($0)".contains(bad) }
        #expect { try Baseline.load(path: bad) } throws: { "\($0)".contains(bad) }
        #expect { try Baseline.load(path: directory + "/missing.json") } throws: { "\($0)".contains("missing.json") }
        let good = directory + "/baseline.json"
        try Baseline.render(["b", "a", "a"]).write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try Baseline.load(path: good).signatures == ["a", "b"])
    }

    @Test func redactorHidesTheKeyEverywhere() {
        let redactor = Redactor(secrets: ["k3y/with+chars"])
        #expect(redactor.redact("a k3y/with+chars b k3y%2Fwith%2Bchars") == "a *** b ***")
    }

    @Test func abortsCarryTheDocumentedExitCodes() {
        #expect(RunAbort.unreachable(url: "u", reason: "r").exitCode == 3)
        #expect(RunAbort.unauthorized(url: "u", status: 401, keySent: true).exitCode == 3)
        #expect(RunAbort.invalidInput("x").exitCode == 2)
        #expect(RunAbort.unauthorized(url: "u", status: 401, keySent: false).description.contains("--api-key-env"))
    }
}
