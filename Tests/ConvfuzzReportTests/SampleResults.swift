import ConvfuzzOracle
import ConvfuzzResults

/// Run results built by hand for report tests.
enum SampleResults {
    static let secret = "sk_test_secret_0123456789abcdefXYZ"

    static func finding(_ check: CheckID, parameter: String?, message: String) -> Finding {
        Finding(check: check, parameter: parameter, detail: message, message: message,
                expected: "at most 30 items <&>", observed: "31 items \"quoted\" and \(secret)",
                evidence: [Evidence(query: "page_size=30&x=%7C", status: 200, excerpt: "{\"conversations\":[…]} \u{1}")])
    }

    /// Traffic of a small run: two phases, a 429, a retry, a few walks.
    static let traffic = TrafficSummary(
        phases: [PhaseTraffic(name: "preflight", seconds: 0.2, requests: 1, retries: 0, categories: ["status", "body"]),
                 PhaseTraffic(name: "cases", seconds: 1.2, requests: 40, retries: 1,
                              categories: ["status", "error", "body", "schema", "page", "filter", "cursor", "transport"]),
                 PhaseTraffic(name: "walks", seconds: 0.1, requests: 1, retries: 0, categories: ["walk"])],
        timeline: RequestTimeline(bucketSeconds: 0.5, buckets: [TimelineBucket(start: 0, counts: [1, 10, 0]),
                                                              TimelineBucket(start: 0.5, counts: [0, 30, 1])]),
        latency: LatencySummary(count: 41, meanMs: 4.2, p50Ms: 3.1, p90Ms: 8, p95Ms: 9.5, p99Ms: 31, maxMs: 44,
                                buckets: [LatencyBucket(lowerMs: 2, upperMs: 5, count: 30), LatencyBucket(lowerMs: 5, upperMs: 10, count: 9),
                                          LatencyBucket(lowerMs: 20, upperMs: 50, count: 2)]),
        walkLengths: [WalkLengthCount(pages: 1, walks: 3), WalkLengthCount(pages: 4, walks: 2)],
        statuses: [StatusCount(status: "200", count: 30), StatusCount(status: "422", count: 10),
                   StatusCount(status: "429", count: 1), StatusCount(status: "transport", count: 1)])

    static func result(findings: [ReportedFinding] = [], corpus: [CorpusReplayOutcome] = [],
                       coverageRows: [CoverageRow] = [], coverageGaps: [String] = ["page_size × enum-violation"],
                       traffic: TrafficSummary = SampleResults.traffic) -> RunResult {
        var statistics = RunStatistics()
        statistics.cases = 10
        statistics.casesByExpectation = ["valid": 6, "invalid": 3, "empty": 1]
        statistics.requests = 42
        statistics.seconds = 1.5
        statistics.retries = 1
        var settings = RunSettings()
        (settings.maxCases, settings.timeBudget, settings.concurrency, settings.rateLimit) = (10, 60, 4, 5)
        (settings.walkSample, settings.maxWalkPages, settings.discoveryPages) = (2, 50, 5)
        (settings.relationBudget, settings.shrinkBudget) = (8, 20)
        return RunResult(specName: "list-conversations", specRevision: "r1", specFingerprint: "0123456789abcdef",
                         seed: 7, target: "http://127.0.0.1:1", endpoint: "http://127.0.0.1:1/v1/convai/conversations",
                         authHeader: "xi-api-key", apiKeyEnv: "ELEVENLABS_API_KEY", authenticated: true,
                         startedAt: "2026-11-26T10:00:00Z", statistics: statistics, findings: findings,
                         coverageRows: coverageRows, coverageGaps: coverageGaps, corpusReplay: corpus,
                         settings: settings,
                         traffic: traffic)
    }

    static func reported(_ finding: Finding, status: FindingStatus = .new) -> ReportedFinding {
        ReportedFinding(finding: finding, status: status, occurrences: 2,
                        origin: .walk(query: "page_size=30", pageSize: 30),
                        reproduction: ["page_size=30&x=%7C", "page_size=30&cursor=abc'def"],
                        shrink: ShrinkSummary(pairsBefore: 9, pairsAfter: 1, attempts: 12, verified: true),
                        corpusFile: "corpus/x.json")
    }
}
