import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzSpec
import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// Issue 19 in process: corpus origins and targeting, URL credentials, the transport health gate, the ETA.
@Suite("Trust: origins, credentials, health gate", .ownThreads)
struct TrustUnitTests {
    // MARK: Corpus targeting

    static func entry(_ name: String, origin: CorpusOrigin?) -> (path: String, entry: CorpusEntry) {
        let entry = CorpusEntry(check: "CF-X", signature: name, parameter: nil, firstSeen: "2026-01-01", specName: "s",
                                specFingerprint: "f", seed: 1, replay: .walk(query: "a=1", pageSize: 10, companion: nil),
                                message: "m", expected: "e", observed: "o", evidence: [], origin: origin)
        return ("corpus/\(name).json", entry)
    }

    static let remoteA = CorpusOrigin(remote: "https://user:pw@staging.example.com/", specFingerprint: "f", apiKeyEnv: "KEY")
    static let remoteB = CorpusOrigin(remote: "http://127.0.0.1:8080", specFingerprint: "f", apiKeyEnv: "KEY")
    static let embedded = CorpusOrigin(embedded: .init(seed: 1, size: 1000, fault: "page-size-plus-one"), specFingerprint: "f", apiKeyEnv: "KEY")

    @Test func anOriginNeverHoldsCredentialsAndComparesLoosely() {
        #expect(Self.remoteA.target == "https://staging.example.com/")
        #expect(Self.remoteA.sameTarget(as: CorpusOrigin(remote: "HTTPS://Staging.Example.com", specFingerprint: "g", apiKeyEnv: nil)))
        #expect(!Self.remoteA.sameTarget(as: Self.remoteB))
        #expect(!Self.embedded.sameTarget(as: CorpusOrigin(embedded: .init(seed: 1, size: 1000), specFingerprint: "f", apiKeyEnv: "KEY")))
    }

    @Test func pruneWithoutATargetGoesToEachOriginAndKeepsUnknownOnes() {
        let plan = CorpusTargeting(entries: [Self.entry("a", origin: Self.remoteA), Self.entry("b", origin: Self.embedded),
                                             Self.entry("c", origin: nil), Self.entry("d", origin: Self.remoteA)],
                                   named: nil, deleting: true, force: false)
        #expect(plan.groups.count == 2)
        #expect(plan.groups[0].files == ["corpus/a.json", "corpus/d.json"])
        #expect(plan.groups[0].origin?.target == "https://staging.example.com/")
        #expect(plan.groups[1].origin == Self.embedded)
        #expect(plan.refused.map(\.file) == ["corpus/c.json"])
        #expect(plan.refused[0].reason.contains("records no origin"))
        #expect(!plan.refusedNamedTarget)
    }

    @Test func pruneAgainstANamedTargetRefusesOtherOriginsUnlessForced() {
        let entries = [Self.entry("a", origin: Self.remoteA), Self.entry("b", origin: Self.remoteB), Self.entry("c", origin: nil)]
        let refused = CorpusTargeting(entries: entries, named: Self.remoteB, deleting: true, force: false)
        #expect(refused.refusedNamedTarget)
        #expect(refused.refused.map(\.file) == ["corpus/a.json", "corpus/c.json"])
        #expect(refused.refused[0].reason.contains("found on https://staging.example.com/, not on http://127.0.0.1:8080"))
        let forced = CorpusTargeting(entries: entries, named: Self.remoteB, deleting: true, force: true)
        #expect(forced.refused.isEmpty && forced.groups.count == 1 && forced.groups[0].origin == nil && forced.groups[0].files.count == 3)
        let replay = CorpusTargeting(entries: entries, named: Self.remoteB, deleting: false, force: false)
        #expect(replay.refused.isEmpty && replay.groups.count == 1, "replay sends everything to the named target")
    }

    @Test func oldEntriesWithoutOriginStillLoad() throws {
        let folder = TestPaths.temporaryFile("convfuzz-legacy")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = CorpusStore(directory: folder)
        let path = try store.save(Self.entry("legacy", origin: nil).entry)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("origin") && !text.contains("status"))
        let loaded = try CorpusStore.load(path: path)
        #expect(loaded.origin == nil && !loaded.isUnconfirmed)
    }

    @Test func aSavedEntryIsRedactedWhole() throws {
        let folder = TestPaths.temporaryFile("convfuzz-redact")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var entry = Self.entry("r", origin: Self.remoteA).entry
        entry.replay = .walk(query: "search=top-secret-value", pageSize: 10, companion: nil)
        let path = try CorpusStore(directory: folder).save(entry, redactor: Redactor(secrets: ["top-secret-value"]))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("top-secret-value") && text.contains("search=***"))
    }

    // MARK: URL credentials

    @Test func urlCredentialsAreSecretsAndNeverShown() {
        let url = "https://ci-user:p%40ss-w0rd@api.example.com:8443/base"
        #expect(TargetURL.withoutCredentials(url) == "https://api.example.com:8443/base")
        #expect(Set(TargetURL.credentials(in: url)).isSuperset(of: ["ci-user:p%40ss-w0rd", "p%40ss-w0rd", "p@ss-w0rd", "ci-user"]))
        #expect(TargetURL.credentials(in: "http://host:80").isEmpty)
        var configuration = RunConfiguration(spec: Paths.spec, target: url)
        configuration.extraSecrets = ["marked-value"]
        let redactor = Redactor(secrets: configuration.secrets)
        #expect(redactor.redact("curl '\(url)/v1?q=marked-value'") == "curl 'https://***@api.example.com:8443/base/v1?q=***'")
        #expect(TargetURL.problem("http://h:8080?x=1")?.contains("has a query string") == true)
        #expect(TargetURL.problem("http://h:8080/?token=abc")?.contains("abc") == false)
        #expect(TargetURL.problem("ftp://h")?.contains("ftp: scheme") == true)
        #expect(TargetURL.problem("https://h/prefix") == nil)
    }

    // MARK: Transport health gate

    /// A batch where a quarter of the requests first get a 503 (retried at once) and some a polite
    /// 429 with Retry-After: only the 503s count against the target's health.
    @Test func theGatewayCountsTroubleNotPacing() throws {
        let attempts = AttemptCounter()
        let transport = ScriptedTransport { request in
            let attempt = attempts.next(request.url)
            let number = Int(request.url.split(separator: "=").last ?? "0") ?? 0
            if attempt == 0 && number % 4 == 0 {
                return ScriptedTransport.response(503, to: request, headers: [HTTPResponseHeader(name: "Retry-After", value: "0")])
            }
            if attempt == 0 && number % 4 == 1 {
                return ScriptedTransport.response(429, to: request, headers: [HTTPResponseHeader(name: "Retry-After", value: "0")])
            }
            if attempt == 1 && number == 5 {
                return ScriptedTransport.response(429, to: request, headers: [HTTPResponseHeader(name: "Retry-After", value: "0")])
            }
            return ScriptedTransport.response(200, body: "{\"conversations\":[],\"has_more\":false,\"next_cursor\":null}", to: request)
        }
        let executor = RequestExecutor(configuration: PhaseFixtures.configuration { $0.retries = 3 }, transport: transport)
        _ = executor.execute((0..<40).map { "n=\($0)" })
        let statistics = executor.retryStatistics
        #expect(statistics.retriedRequests == 20, "503s and 429s are retried alike")
        #expect(statistics.unhealthyRequests == 11, "ten 503s and the one 429 that came again after its Retry-After")
        #expect(statistics.unhealthyByReason == ["503": 10, "429": 1])
        let failure = try #require(TransportHealth.failure(statistics, firstAttempts: 40, maxShare: 0.05))
        #expect(failure.contains("11 of 40 requests (27.5%)") && failure.contains("503s 10") && failure.contains("over the limit of 5%"))
        #expect(TransportHealth.failure(statistics, firstAttempts: 40, maxShare: 0.3) == nil)
        #expect(TransportHealth.failure(statistics, firstAttempts: 10, maxShare: 0.05) == nil, "too few requests to judge")
    }

    /// A whole run whose target flaps (a reset on the first attempt of every fifth request) fails the
    /// gate with exit 3 and keeps the findings it made; the same run without flapping passes the gate.
    @Test func aFlappingTargetFailsTheRunAndItsFindingsAreKept() throws {
        let application = try ReferenceApplication(configuration: ReferenceServerConfiguration(
            size: PhaseFixtures.serverSize, fault: .pageSizePlusOne, apiKey: PhaseFixtures.key))
        let answer = ScriptedTransport.answering(with: application)
        let attempts = AttemptCounter()
        let flapping = ScriptedTransport { request in
            attempts.total() % 5 == 0 && attempts.next(request.url) == 0
                ? .failure(.truncated(reason: "Recv failure: Connection reset by peer")) : answer(request)
        }
        let configuration = PhaseFixtures.configuration { $0.retries = 2 }
        let result = try Runner(configuration: configuration, transport: flapping).run()
        #expect(result.healthFailure?.contains("transport health gate failed") == true, "\(result.statistics.retry as Any)")
        #expect(result.exitCode == 3)
        #expect(result.findings.contains { $0.status == .new && $0.finding.check.rawValue == "CF-PAGE-SIZE" }, "findings are kept")
        let healthy = try Runner(configuration: configuration, transport: ScriptedTransport(answer)).run()
        #expect(healthy.healthFailure == nil && healthy.exitCode == 1)
    }

    @Test func sharesParse() {
        #expect(TransportHealth.parseShare("5%") == 0.05)
        #expect(TransportHealth.parseShare("0.1") == 0.1)
        #expect(TransportHealth.parseShare("150%") == nil)
        #expect(TransportHealth.parseShare("abc") == nil)
    }

    // MARK: Progress

    @Test func theETANeverPassesTheBudget() {
        #expect(TerminalProgress.eta(done: 10, total: 1000, elapsed: 10, now: 100, endsBy: nil) == 990)
        #expect(TerminalProgress.eta(done: 10, total: 1000, elapsed: 10, now: 100, endsBy: 130) == 30)
        #expect(TerminalProgress.eta(done: 10, total: 1000, elapsed: 10, now: 140, endsBy: 130) == 0)
    }
}

/// Counts attempts per URL and calls overall, for scripted transports. `@unchecked Sendable`: guarded by `lock`.
final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var byURL: [String: Int] = [:]
    private var calls = 0

    /// The attempt number of this URL (0 for the first), counting this one.
    func next(_ url: String) -> Int {
        lock.withLock {
            let attempt = byURL[url, default: 0]
            byURL[url] = attempt + 1
            return attempt
        }
    }

    /// Calls so far, counting this one.
    func total() -> Int {
        lock.withLock {
            calls += 1
            return calls
        }
    }
}
