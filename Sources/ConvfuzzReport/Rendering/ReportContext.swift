import ConvfuzzResults

/// What every report format needs besides the result: redaction and URL building.
public struct ReportContext: Sendable {
    /// The run result.
    public let result: RunResult
    /// Removes the key from every string.
    public let redactor: Redactor
    /// List flaky findings one by one instead of one line per check id.
    public let verbose: Bool

    /// Creates a context.
    public init(result: RunResult, redactor: Redactor, verbose: Bool = false) {
        self.result = result
        self.redactor = redactor
        self.verbose = verbose
    }

    /// The findings to list one by one and the flaky ones folded per check id.
    public var flakyGroups: FlakyGroups { FlakyGroups(result.findings, verbose: verbose) }

    /// The run's findings grouped by root cause (``FindingGrouper``), in the order of each group's first member.
    public var groups: [FindingGroup] { FindingGrouper.groups(result.findings) }

    /// The groups to list one by one: every group when verbose, otherwise those that are not flaky
    /// (flaky findings are folded per check id, ``flakyGroups``).
    public var listedGroups: [FindingGroup] { verbose ? groups : groups.filter { $0.status != .flaky } }

    /// The full URL of an encoded query; for a run against the embedded server, at the fixed port of
    /// ``ReproductionServer`` (the run's own port is gone when the run ends).
    public func url(for query: String) -> String {
        let url = EndpointURL.joining(result.endpoint, query: query)
        return result.reproductionServer?.rebased(url) ?? url
    }

    /// For a run against the embedded server, the line that starts it again on the fixed port the
    /// curl lines use: `convfuzz serve --port 18080 … & sleep 1   # …`, runnable before them.
    public var serverLine: String? {
        result.reproductionServer.map { "\($0.command) & sleep 1   # this run's embedded server again, on a fixed port" }
    }

    /// What a reproduction block holds: the ``serverLine`` when there is one, then the curl lines.
    public func reproductionLines(for finding: ReportedFinding) -> [String] {
        let curl = curlLines(for: finding)
        guard !curl.isEmpty, let serverLine else { return curl }
        return [serverLine] + curl
    }

    /// `convfuzz replay FILE` for a finding stored in the corpus.
    public func replayCommand(for finding: ReportedFinding) -> String? {
        finding.corpusFile.map { "convfuzz replay \($0)" }
    }

    /// A line cut to `limit` characters with a note of what was left out (full lines are in the JSON report).
    public static func clip(_ line: String, limit: Int = 400) -> String {
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "… (\(line.count - limit) more characters; full command in the JSON report)"
    }

    /// The curl lines reproducing a finding, in order: first the exact requests its evidence shows (for a walk,
    /// the page, cursor included, where the discrepancy is), then the other queries of its replay plan.
    public func curlLines(for finding: ReportedFinding) -> [String] {
        let header = result.authenticated ? result.authHeader : nil
        var queries: [String] = []
        for query in finding.finding.evidence.map(\.query) + finding.reproduction where !queries.contains(query) {
            queries.append(query)
        }
        return queries.map { query in
            guard let header, finding.credential != .firstKey else {
                return redactor.redact(CurlCommand.render(url: url(for: query), authHeader: header, apiKeyEnv: result.apiKeyEnv))
            }
            return redactor.redact(CurlCommand.render(url: url(for: query), authHeader: header, credential: finding.credential,
                                                      apiKeyEnv: result.apiKeyEnv, secondKeyEnv: result.secondKeyEnv))
        }
    }
}
