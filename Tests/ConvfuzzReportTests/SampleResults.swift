import ConvfuzzOracle
import ConvfuzzRunner

/// Run results built by hand for report tests.
enum SampleResults {
    static let secret = "sk_test_secret_0123456789abcdefXYZ"

    static func finding(_ check: CheckID, parameter: String?, message: String) -> Finding {
        Finding(check: check, parameter: parameter, detail: message, message: message,
                expected: "at most 30 items <&>", observed: "31 items \"quoted\" and \(secret)",
                evidence: [Evidence(query: "page_size=30&x=%7C", status: 200, excerpt: "{\"conversations\":[…]} \u{1}")])
    }

    static func result(findings: [ReportedFinding] = [], corpus: [CorpusReplayOutcome] = []) -> RunResult {
        var statistics = RunStatistics()
        statistics.cases = 10
        statistics.casesByExpectation = ["valid": 6, "invalid": 3, "empty": 1]
        statistics.requests = 42
        statistics.seconds = 1.5
        return RunResult(specName: "list-conversations", specRevision: "r1", specFingerprint: "0123456789abcdef",
                         seed: 7, target: "http://127.0.0.1:1", endpoint: "http://127.0.0.1:1/v1/convai/conversations",
                         authHeader: "xi-api-key", apiKeyEnv: "ELEVENLABS_API_KEY", authenticated: true,
                         startedAt: "2026-11-26T10:00:00Z", statistics: statistics, findings: findings,
                         coverageRows: [], coverageGaps: ["page_size × enum-violation"], corpusReplay: corpus)
    }

    static func reported(_ finding: Finding, status: FindingStatus = .new) -> ReportedFinding {
        ReportedFinding(finding: finding, status: status, occurrences: 2,
                        origin: .walk(query: "page_size=30", pageSize: 30),
                        reproduction: ["page_size=30&x=%7C", "page_size=30&cursor=abc'def"],
                        shrink: ShrinkSummary(pairsBefore: 9, pairsAfter: 1, attempts: 12, verified: true),
                        corpusFile: "corpus/x.json")
    }
}
