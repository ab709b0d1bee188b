import ConvfuzzReferenceServer
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzTestSupport
import Foundation
import Testing

/// A reproduction shows the violation: the curl lines of a run against the embedded server work
/// against the server the report says to start, and `replay --trace` shows a walk page by page.
@Suite("Reproductions that show the violation", .ownThreads)
struct ReproductionTests {
    /// The value after `flag` in a command line.
    private static func value(of flag: String, in command: String) -> String? {
        let words = command.split(separator: " ").map(String.init)
        guard let index = words.firstIndex(of: flag), index + 1 < words.count else { return nil }
        return words[index + 1]
    }

    /// The corpus a short run against `fault` stores, in a fresh folder (removed by the caller).
    private static func storedFindings(_ fault: ReferenceFault) async throws -> (folder: String, files: [(path: String, entry: CorpusEntry)]) {
        let corpus = Harness.temporaryDirectory()
        _ = try await Harness.run(fault: fault, requireKey: false) { configuration in
            configuration.corpusDirectory = corpus
            configuration.maxCases = 40
        }
        return (corpus, try CorpusStore(directory: corpus).files().map { ($0, try CorpusStore.load(path: $0)) })
    }

    /// Replays `file` against `fault`'s server one request at a time, tracing every answer.
    private static func tracedReplay(_ file: String, fault: ReferenceFault) throws -> (outcome: CorpusReplayOutcome, lines: [String]) {
        let lines = LineCollector()
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: fault))
        try server.start()
        defer { server.stop() }
        var configuration = RunConfiguration(spec: Harness.spec, profile: Harness.profile, target: server.baseURL)
        configuration.corpusDirectory = nil
        (configuration.concurrency, configuration.transport.maxConcurrency) = (1, 1)
        configuration.trace = RequestTrace(spec: Harness.spec) { lines.append($0) }
        let outcome = try #require(try Runner(configuration: configuration).replayFiles([file]).first)
        return (outcome, lines.all)
    }

    @Test func aCaseReproductionRunAsAScriptShowsTheViolation() async throws {
        let fault = ReferenceFault.acceptPageSize101
        let result = try await Harness.run(fault: fault, requireKey: false) { configuration in
            configuration.maxCases = 80
            (configuration.walkSample, configuration.relationBudget) = (0, 0)
            configuration.reproductionServer = ReproductionServer(
                seed: 1, size: ReferenceServerConfiguration.defaultSize, defaultSize: ReferenceServerConfiguration.defaultSize,
                fault: fault.rawValue, chaos: nil, chaosRate: nil, insertRate: nil, apiKeyEnv: "ELEVENLABS_API_KEY",
                defaultKeyEnv: "ELEVENLABS_API_KEY", secondKeyEnv: nil)
        }
        let finding = try #require(result.findings.first { $0.finding.check.rawValue == "CF-STATUS-ACCEPTED" }, "\(Harness.describe(result))")
        let context = ReportContext(result: result, redactor: Redactor(secrets: []))
        let lines = context.reproductionLines(for: finding)
        let serverLine = try #require(lines.first)
        #expect(serverLine.hasPrefix("convfuzz serve --port 18080 --seed 1 --fault accept-page-size-101 & sleep 1"))
        #expect(lines.dropFirst().allSatisfy { $0.contains("'http://127.0.0.1:18080/") }, "\(lines)")
        #expect(TextSummary.render(context).contains("repro server: convfuzz serve --port 18080 --seed 1 --fault accept-page-size-101"))

        // The server the line names, built from its own flags (on a free port: 18080 may be taken here).
        let named = try #require(Self.value(of: "--fault", in: serverLine).flatMap(ReferenceFault.init(rawValue:)))
        let seed = try #require(Self.value(of: "--seed", in: serverLine).flatMap(UInt64.init))
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(seed: seed, fault: named))
        try server.start()
        defer { server.stop() }
        let script = lines.dropFirst().map { $0.replacingOccurrences(of: "http://127.0.0.1:18080", with: server.baseURL) }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script.joined(separator: "\n")]
        shell.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "ELEVENLABS_API_KEY": ""]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let body = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        // The violation in the script's own output: more items than the spec's largest page size.
        let page = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let items = try #require(page[Harness.spec.pagination.itemsField] as? [Any])
        #expect(items.count > Harness.spec.pagination.maxPageSize, "page_size=101 answered with \(items.count) items")
    }

    @Test func aWalkTraceFollowsEachCursorToThePageThatBreaksTheRule() async throws {
        let stored = try await Self.storedFindings(.hasMoreOnLastPage)
        defer { try? FileManager.default.removeItem(atPath: stored.folder) }
        let file = try #require(stored.files.first { $0.path.contains("cf-walk-hasmore") }?.path, "\(stored.files.map(\.path))")
        let (outcome, traced) = try Self.tracedReplay(file, fault: .hasMoreOnLastPage)
        #expect(outcome.stillFails, "\(outcome)")

        let corpusStart = try #require(traced.firstIndex { $0.contains("[corpus]") }, "\(traced.prefix(5))")
        let requests = stride(from: corpusStart, to: traced.count - 1, by: 2).map { (query: traced[$0], answer: traced[$0 + 1]) }
        #expect(!requests.isEmpty)
        let cursorField = Harness.spec.pagination.nextCursorField
        let cursorParam = Harness.spec.pagination.cursorParam
        var followed = 0
        for (current, next) in zip(requests, requests.dropFirst()) {
            guard let range = current.answer.range(of: "\(cursorField)="), !current.answer.hasSuffix("\(cursorField)=null") else { continue }
            let cursor = String(current.answer[range.upperBound...])
            if next.query.contains("\(cursorParam)=\(cursor)") { followed += 1 }
        }
        #expect(followed > 0, "each page's cursor is the previous answer's: \(requests.map(\.query))")
        // The page that breaks the rule: has_more=true, then an empty page.
        let broken = zip(requests, requests.dropFirst()).contains { current, next in
            current.answer.contains("\(Harness.spec.pagination.hasMoreField)=true") && next.answer.contains(" 0 items")
        }
        #expect(broken, "\(requests.map(\.answer))")

        let correct = try ReferenceServer(configuration: ReferenceServerConfiguration())
        try correct.start()
        defer { correct.stop() }
        var fixed = RunConfiguration(spec: Harness.spec, profile: Harness.profile, target: correct.baseURL)
        fixed.corpusDirectory = nil
        #expect(try Runner(configuration: fixed).replayFiles([file]).first?.passed == true)
    }

    @Test func aRelationTraceShowsEveryQueryItComparesAndTheItemsThatDiffer() async throws {
        let stored = try await Self.storedFindings(.userIDIgnored)
        defer { try? FileManager.default.removeItem(atPath: stored.folder) }
        let (file, entry) = try #require(stored.files.first { [.metamorphic, .relation].contains($0.entry.replay.kind) },
                                         "\(stored.files.map(\.entry.check))")
        let (outcome, lines) = try Self.tracedReplay(file, fault: .userIDIgnored)
        #expect(outcome.stillFails, "\(outcome)")
        // Every query the relation compares is in the trace, each walked from its first page.
        let traced = lines.filter { $0.contains("[corpus]") }
        for query in entry.replay.queries {
            #expect(traced.contains { $0.hasSuffix("?" + query) }, "\(query) is not in the trace: \(traced)")
        }
        // The verdict names the items that differ by id ("2 missing (…)", "1 extra (…)", "1000 overlap id(s) (…)").
        #expect(["missing (", "extra (", "id(s) ("].contains { outcome.detail.contains($0) }, "\(outcome.detail)")
    }
}

/// Trace lines collected from any thread. `@unchecked Sendable`: `lines` is guarded by `lock`.
private final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.withLock { lines += line.split(separator: "\n").map(String.init) }
    }

    var all: [String] { lock.withLock { lines } }
}
