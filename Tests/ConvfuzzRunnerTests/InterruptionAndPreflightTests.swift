import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzSpec
import Foundation
import Testing
@testable import ConvfuzzRunner

/// Stopping on a signal, telling a misconfigured target from a broken one, progress styles, file errors in words.
@Suite("Interruption, preflight, progress")
struct InterruptionAndPreflightTests {
    @Test func aStoppedRunReportsEveryFindingUnconfirmedAndStoresIt() throws {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .pageSizePlusOne))
        try server.start()
        defer { server.stop() }
        let corpus = Paths.temporary()
        var configuration = RunConfiguration(spec: Paths.spec, target: server.baseURL)
        configuration.corpusDirectory = corpus
        configuration.replayCorpus = false
        let stop = StopRequest()
        configuration.stop = stop
        configuration.maxCases = 400
        // The signal arrives once the first finding is announced.
        let progress = StopOnFinding(stop: stop)
        let result = try Runner(configuration: configuration, progress: progress).run()
        #expect(result.statistics.interruptedBy == "SIGINT")
        #expect(result.exitCode == 130)
        #expect(result.statistics.stoppedEarly == "interrupted by SIGINT")
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.status == .unconfirmed })
        #expect(result.statistics.cases < 400, "no new batch after the signal")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".json") }
        #expect(files.count == result.findings.count)
    }

    @Test func eachFindingIsAnnouncedOnce() throws {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .hasMoreOnLastPage))
        try server.start()
        defer { server.stop() }
        var configuration = RunConfiguration(spec: Paths.spec, target: server.baseURL)
        configuration.corpusDirectory = nil
        configuration.replayCorpus = false
        configuration.maxCases = 150
        configuration.walkSample = 4
        configuration.relationBudget = 6
        let notes = NoteCollector()
        let result = try Runner(configuration: configuration, progress: notes).run()
        let announced = notes.lines.filter { $0.hasPrefix("finding:") }
        #expect(!announced.isEmpty)
        #expect(announced.count == Set(announced).count, "\(announced)")
        #expect(announced.count == result.findings.count)
    }

    @Test func resultSoFarIsReadableWhileTheRunGoesOn() throws {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .pageSizePlusOne))
        try server.start()
        defer { server.stop() }
        var configuration = RunConfiguration(spec: Paths.spec, target: server.baseURL)
        configuration.corpusDirectory = nil
        configuration.replayCorpus = false
        let runner = Runner(configuration: configuration)
        try runner.preflight()
        let result = runner.resultSoFar(signal: "SIGTERM")
        #expect(result.exitCode == 143)
        #expect(result.findings.allSatisfy { $0.status == .unconfirmed })
    }

    @Test func aMisconfiguredTargetIsNotAFinding() {
        let check = EndpointCheck(target: "http://host:8080/v1", path: "/v1/convai/conversations")
        let notFound = ObservedResponse(query: "", status: 404, body: #"{"detail":"Not Found"}"#)
        let abort = check.misconfiguration(notFound, url: "http://host:8080/v1/v1/convai/conversations")
        #expect(abort?.exitCode == 3)
        #expect(abort?.description.contains("HTTP 404") == true)
        #expect(abort?.description.contains("must not include the path") == true)
        #expect(abort?.description.contains("try --target http://host:8080") == true)
        let root = EndpointCheck(target: "http://host", path: "/v1/x")
        let html = ObservedResponse(query: "", status: 200, headers: ["content-type": "text/html"], body: Array("<html></html>".utf8))
        #expect(root.misconfiguration(html, url: "http://host/v1/x")?.description.contains("HTML page") == true)
        let text = ObservedResponse(query: "", status: 200, headers: ["content-type": "text/plain"], body: Array("hello".utf8))
        #expect(root.misconfiguration(text, url: "u")?.description.contains("not JSON") == true)
        #expect(root.misconfiguration(ObservedResponse(query: "", status: 405, body: ""), url: "u") != nil)
        // The endpoint answering, even wrongly, is for the oracles to judge.
        #expect(root.misconfiguration(ObservedResponse(query: "", status: 200, body: #"{"x":1}"#), url: "u") == nil)
        let brokenJSON = ObservedResponse(query: "", status: 200, headers: ["content-type": "application/json"], body: Array("{\"con".utf8))
        #expect(root.misconfiguration(brokenJSON, url: "u") == nil)
        #expect(root.misconfiguration(ObservedResponse(query: "", status: 500, body: "oops"), url: "u") == nil)
        #expect(root.misconfiguration(ObservedResponse(query: "", status: 422, body: "{}"), url: "u") == nil)
    }

    @Test func progressHasNoEscapeCodesWithoutARealTerminal() {
        #expect(ProgressStyle.choose(isTTY: true, environment: ["TERM": "xterm-256color"]) == .live(color: true))
        #expect(ProgressStyle.choose(isTTY: true, environment: ["TERM": "dumb"]) == .plain(interval: 10))
        #expect(ProgressStyle.choose(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]) == .plain(interval: 10))
        #expect(ProgressStyle.choose(isTTY: true, environment: [:]) == .plain(interval: 10))
        #expect(ProgressStyle.choose(isTTY: false, environment: ["TERM": "xterm"]) == .plain(interval: 10))
    }

    @Test func progressLinesNameTheirUnitAndOmitAnUnknownETA() {
        let walks = ProgressSnapshot(phase: .walks, done: 3, total: 12, findings: 1, requests: 40, requestsPerSecond: 20, eta: nil)
        #expect(walks.line == "walks: 3/12 walks, 1 finding(s), 40 requests, 20 req/s")
        let progress = TerminalProgress(style: .plain(interval: 0))
        progress.update(ProgressSnapshot(phase: .relations, done: 0, total: 96, findings: 0, requests: 5, requestsPerSecond: 1, eta: 999))
        #expect(progress.plainLine(now: Clock.monotonic() + 5)?.contains("ETA") == false, "no rate yet, no ETA")
        progress.update(ProgressSnapshot(phase: .relations, done: 48, total: 96, findings: 0, requests: 9, requestsPerSecond: 1, eta: nil))
        let line = progress.plainLine(now: Clock.monotonic()) ?? ""
        #expect(line.contains("relations: 48/96 relations"))
        #expect(line.contains("ETA"), "\(line)")
        progress.finish()
    }

    @Test func brokenBaselinesAndCorpusEntriesAreDescribedInWords() throws {
        let directory = Paths.temporary()
        let cases: [(text: String, words: String)] = [
            (#"{"accepted": 3}"#, "'accepted' should be a list"),
            (#"{"accepted": ["a", 2]}"#, "'accepted[1]' should be a string"),
            (#"{"other": []}"#, "'accepted' is missing"),
            (#"{"accepted": ["#, "not valid JSON"),
            ("", "the file is empty"),
        ]
        for (text, words) in cases {
            let path = directory + "/b.json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                _ = try Baseline.load(path: path)
            } throws: { error in
                let message = "\(error)"
                return message.hasPrefix(path + ": not a baseline file") && message.contains(words) && !message.contains("DecodingError")
            }
        }
        try #"{"check": "x"}"#.write(toFile: directory + "/c.json", atomically: true, encoding: .utf8)
        #expect {
            _ = try CorpusStore.load(path: directory + "/c.json")
        } throws: { error in
            "\(error)".hasPrefix(directory + "/c.json: not a convfuzz corpus entry: ") && !"\(error)".contains("Swift")
        }
    }
}

/// Asks the run to stop as soon as a finding is announced.
final class StopOnFinding: ProgressSink, @unchecked Sendable {
    let stop: StopRequest
    init(stop: StopRequest) { self.stop = stop }
    func update(_ snapshot: ProgressSnapshot) {}
    func note(_ line: String) { if line.hasPrefix("finding:") { stop.request(signal: "SIGINT") } }
    func finish() {}
}

/// Keeps every note.
final class NoteCollector: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    func update(_ snapshot: ProgressSnapshot) {}
    func note(_ line: String) { lock.withLock { collected.append(line) } }
    func finish() {}
}
