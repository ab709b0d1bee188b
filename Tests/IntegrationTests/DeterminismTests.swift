import ConvfuzzReferenceServer
import ConvfuzzReport
import ConvfuzzRunner
import Foundation
import Testing

/// Checking runs on every core, yet the run's outcome never depends on how many requests are in flight.
@Suite("Same seed, any concurrency: same findings, order, corpus and reports")
struct DeterminismTests {
    struct Outcome {
        var result: RunResult
        var corpus: [String: String]
    }

    static func run(concurrency: Int) throws -> Outcome {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var result = try Harness.run(fault: .cursorSkipsItem) { configuration in
            configuration.concurrency = concurrency
            configuration.corpusDirectory = directory
            configuration.maxCases = 600
        }
        var corpus: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            corpus[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        // Timings and dates are the only things allowed to differ (and the embedded server's port,
        // which is an input: each run starts its own server).
        result.statistics.seconds = 0
        result.startedAt = "-"
        result.target = "http://target"
        result.endpoint = "http://target/endpoint"
        result.findings = result.findings.map { reported in
            var reported = reported
            reported.corpusFile = reported.corpusFile.map { ($0 as NSString).lastPathComponent }
            return reported
        }
        return Outcome(result: result, corpus: corpus)
    }

    static func reports(_ result: RunResult) throws -> [String] {
        let context = ReportContext(result: result, redactor: .none)
        return [try JSONReport.render(context), MarkdownReport.render(context), TextSummary.render(context),
                JUnitReport.render(context)]
    }

    @Test func concurrencyOneAndSixteenAgreeAgainstAFaultyServer() throws {
        let one = try Self.run(concurrency: 1)
        let sixteen = try Self.run(concurrency: 16)
        #expect(!one.result.findings.isEmpty)
        #expect(!one.corpus.isEmpty)
        #expect(one.result.findings.map(\.finding.signature) == sixteen.result.findings.map(\.finding.signature))
        #expect(one.result.findings == sixteen.result.findings)
        #expect(one.corpus == sixteen.corpus)
        #expect(one.result.statistics == sixteen.result.statistics)
        let left = try Self.reports(one.result)
        let right = try Self.reports(sixteen.result)
        for (a, b) in zip(left, right) { #expect(a == b) }
    }
}
