import ConvfuzzOracle
import ConvfuzzResults
import Foundation
import Testing
@testable import ConvfuzzReport

@Suite("Merging shard reports")
struct ReportMergeTests {
    /// Shard `index` of `count` with these findings and units of the cases phase.
    static func shard(_ index: Int, of count: Int, findings: [ReportedFinding] = [], seed: UInt64 = 7,
                      fingerprint: String = "0123456789abcdef", target: String = "http://staging") -> RunResult {
        var result = SampleResults.result(findings: findings)
        result.seed = seed
        result.specFingerprint = fingerprint
        result.targetIdentity = target
        result.shard = Shard(index: index, count: count)!
        result.coverageRows = [CoverageRow(parameter: "page_size", counts: ["valid": index])]
        result.coverageGaps = index == 1 ? ["a × b", "c × d"] : ["c × d"]
        var work = WorkLog()
        work.plan(.cases, total: 10)
        for unit in result.shard.owned(of: 10) { work.did(.cases, unit) }
        result.work = work
        return result
    }

    static func inputs(_ results: [RunResult]) -> [ReportMerger.Input] {
        results.enumerated().map { ReportMerger.Input(file: "s\($0.offset + 1).json", result: $0.element) }
    }

    static let pageSize = SampleResults.reported(SampleResults.finding(.pageSize, parameter: "page_size", message: "31 items"))
    static let filter = SampleResults.reported(SampleResults.finding(.filter, parameter: "rating_min", message: "rating 2 < 3"),
                                               status: .flaky)

    @Test func deduplicatesFindingsBySignatureAndAddsCounts() throws {
        let merged = try ReportMerger.merge(Self.inputs([
            Self.shard(2, of: 2, findings: [Self.pageSize]),
            Self.shard(1, of: 2, findings: [Self.filter, Self.pageSize]),
        ]))
        #expect(merged.findings.map(\.finding.signature) == [Self.filter.finding.signature, Self.pageSize.finding.signature])
        #expect(merged.findings.last?.occurrences == 4)
        #expect(merged.exitCode == 1)
        #expect(merged.statistics.cases == 20 && merged.statistics.requests == 84)
        #expect(merged.statistics.seconds == 1.5)
        #expect(merged.coverageRows == [CoverageRow(parameter: "page_size", counts: ["valid": 3])])
        #expect(merged.coverageGaps == ["c × d"])
        #expect(merged.work.done(.cases) == Array(0..<10))
        #expect(merged.shard.isWhole)

        let clean = try ReportMerger.merge(Self.inputs([Self.shard(1, of: 2, findings: [Self.filter]), Self.shard(2, of: 2)]))
        #expect(clean.exitCode == 0)
    }

    /// Two local shards sharing `corpus/`: the second saw the entries the first wrote, so their corpus
    /// plans differ; they still merge (the error used to blame the budgets), and the health gate and
    /// the retry accounting of every shard reach the merged verdict.
    @Test func shardsSharingACorpusMergeAndKeepTheirHealth() throws {
        var first = Self.shard(1, of: 2)
        first.work.plan(.corpus, total: 0)
        var second = Self.shard(2, of: 2)
        second.work.plan(.corpus, total: 3)
        for unit in second.shard.owned(of: 3) { second.work.did(.corpus, unit) }
        var retry = RetryStatistics()
        retry.byReason = ["reset": 4]
        retry.retriedRequests = 4
        retry.unhealthyRequests = 4
        retry.unhealthyByReason = ["reset": 4]
        second.statistics.retry = retry
        second.healthFailure = "transport health gate failed: 4 of 42 requests"
        let merged = try ReportMerger.merge(Self.inputs([first, second]))
        #expect(merged.work.phases[.corpus]?.planned == 3)
        #expect(merged.statistics.retry?.unhealthyRequests == 4)
        #expect(merged.healthFailure == "shard 2/2: transport health gate failed: 4 of 42 requests")
        #expect(merged.exitCode == 3)
    }

    @Test func refusesReportsOfAnotherRun() {
        let refusals: [([RunResult], String)] = [
            ([Self.shard(1, of: 2), Self.shard(2, of: 2, seed: 8)], "s2.json: seed 8 differs from s1.json's seed 7"),
            ([Self.shard(1, of: 2), Self.shard(2, of: 2, fingerprint: "ffff")], "s2.json: spec list-conversations (fingerprint ffff) differs"),
            ([Self.shard(1, of: 2), Self.shard(2, of: 2, target: "http://prod")], "s2.json: target http://prod differs"),
            ([Self.shard(1, of: 2), Self.shard(2, of: 3)], "s2.json: shard 2/3 is from a run split 3 ways"),
            ([Self.shard(1, of: 2), Self.shard(1, of: 2)], "s2.json: shard 1/2 is also s1.json"),
            ([Self.shard(1, of: 3), Self.shard(3, of: 3)], "shard 2/3 missing"),
            ([], "no reports"),
        ]
        for (results, expected) in refusals {
            do {
                _ = try ReportMerger.merge(Self.inputs(results))
                Issue.record("should refuse: \(expected)")
            } catch {
                #expect(error.description.hasPrefix(expected), "\(error.description)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func namesTheCorruptFileAndWhatIsWrong() throws {
        let good = try JSONReport.render(ReportContext(result: Self.shard(1, of: 1), redactor: Redactor(secrets: [])))
        #expect(try JSONReportReader.read(data: Data(good.utf8), file: "ok.json").shard.isWhole)
        let cases: [(String, String)] = [
            ("", "bad.json: empty file"),
            (String(good.prefix(good.count / 2)), "bad.json: not valid JSON"),
            ("[1, 2]", "bad.json: not valid JSON"),
            ("{\"result\": {}}", "bad.json: no 'format' member"),
            ("{\"format\": 9, \"result\": {}}", "bad.json: report format 9 is not supported"),
            (good.replacingOccurrences(of: "\"seed\": 7", with: "\"seed\": \"seven\""), "bad.json: 'result.seed' has the wrong type"),
            (good.replacingOccurrences(of: "\"specFingerprint\"", with: "\"specFingerprintX\""), "bad.json: missing 'specFingerprint' in result"),
        ]
        for (text, expected) in cases {
            do {
                _ = try JSONReportReader.read(data: Data(text.utf8), file: "bad.json")
                Issue.record("should refuse: \(expected)")
            } catch {
                #expect(error.description.hasPrefix(expected), "\(error.description)")
            }
        }
        do {
            _ = try ReportMerger.merge(files: ["/nonexistent/shard.json"])
            Issue.record("a missing file must be refused")
        } catch {
            #expect(error.description == "/nonexistent/shard.json: report file not found")
        }
    }
}
