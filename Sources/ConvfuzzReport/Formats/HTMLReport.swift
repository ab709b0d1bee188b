import ConvfuzzOracle
import ConvfuzzResults
import Foundation

/// One self-contained HTML page of a run: verdict and settings, every finding with a copyable
/// reproduction, the coverage heatmap, and charts of the traffic (inline SVG drawn here).
///
/// The page loads nothing: no network, no external script, font or style, and its
/// Content-Security-Policy forbids any fetch, so it opens as it is from a CI artefact.
/// Every text from the run (and so from the target) is escaped with ``HTMLText/escape(_:)``
/// after redaction; the one inline script only wires the copy buttons.
/// `convfuzz run --html` and `convfuzz merge --html` both render through ``render(_:)``.
public enum HTMLReport {
    /// Renders the page.
    public static func render(_ context: ReportContext) -> String {
        let result = context.result
        var page = Page(context: context)
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
        page.append("<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">")
        page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        page.append("<title>convfuzz: \(page.text(result.specName)) — \(page.text(verdictLine(result)))</title>")
        page.append("<style>\(stylesheet)</style>\n</head>\n<body>")
        page.append("<main>")
        renderVerdict(&page)
        renderSettings(&page)
        renderFindings(&page)
        renderCoverage(&page)
        renderOverTime(&page)
        renderTraffic(&page)
        page.append("<footer>convfuzz report, format 1 · started \(page.text(result.startedAt))</footer>")
        page.append("</main>")
        page.append("<script>\(script)</script>")
        page.append("</body>\n</html>")
        return context.redactor.redact(page.joined())
    }

    /// The HTML being built, with redaction and escaping of run text.
    struct Page {
        let context: ReportContext
        private var parts: [String] = []

        init(context: ReportContext) {
            self.context = context
        }

        /// Appends markup built by our code.
        mutating func append(_ markup: String) {
            parts.append(markup)
        }

        /// Run text, redacted then escaped.
        func text(_ value: String) -> String {
            HTMLText.escape(context.redactor.redact(value))
        }

        /// The page so far.
        func joined() -> String {
            parts.joined(separator: "\n") + "\n"
        }
    }

    // MARK: Verdict and settings

    static func verdictLine(_ result: RunResult) -> String {
        let gating = result.gatingGroups.count
        let regressions = result.failingCorpusEntries.count
        if gating == 0 && regressions == 0 { return "PASS: no new findings (exit 0)" }
        var parts: [String] = []
        if gating > 0 { parts.append("\(gating) new finding(s)") }
        if regressions > 0 { parts.append("\(regressions) corpus entr\(regressions == 1 ? "y" : "ies") still failing") }
        return "FAIL: " + parts.joined(separator: ", ") + " (exit 1)"
    }

    static func renderVerdict(_ page: inout Page) {
        let result = page.context.result
        let failed = !result.gatingFindings.isEmpty || !result.failingCorpusEntries.isEmpty
        page.append("<header class=\"verdict \(failed ? "fail" : "pass")\" id=\"verdict\">")
        page.append("<h1>\(page.text(verdictLine(result)))</h1>")
        let counts = FindingStatus.allCases.map { status in
            "\(result.findings.filter { $0.status == status }.count) \(status.rawValue)"
        }.joined(separator: " · ")
        page.append("<p>\(page.text(result.specName)) against <code>\(page.text(result.endpoint))</code> · findings: \(page.text(counts))</p>")
        if let reason = result.statistics.stoppedEarly {
            page.append("<p class=\"stopped\">Stopped early: \(page.text(reason))</p>")
        }
        page.append("</header>")
    }

    static func renderSettings(_ page: inout Page) {
        let result = page.context.result
        let stats = result.statistics
        let settings = result.settings
        let byExpectation = ["valid", "empty", "invalid"].map { "\(stats.casesByExpectation[$0] ?? 0) \($0)" }.joined(separator: ", ")
        let run: [(String, String)] = [
            ("seed", String(result.seed)),
            ("spec", result.specName),
            ("spec revision", result.specRevision),
            ("spec fingerprint", result.specFingerprint),
            ("target", result.endpoint),
            ("key", result.authenticated ? "sent in \(result.authHeader) from $\(result.apiKeyEnv)" : "none sent"),
            ("started", result.startedAt),
        ]
        let selection: [(String, String)] = settings.checks.map { [("checks", $0.summary)] } ?? []
        let budgets: [(String, String)] = selection + [
            ("max cases", String(settings.maxCases)),
            ("time budget", settings.timeBudget.map { "\(SVGCanvas.number($0)) s" } ?? "none"),
            ("max failures", settings.maxFailures.map(String.init) ?? "none"),
            ("concurrency", String(settings.concurrency)),
            ("rate limit", settings.rateLimit.map { "\(SVGCanvas.number($0))/s" } ?? "none"),
            ("retries", "\(settings.retries) (Retry-After up to \(SVGCanvas.number(settings.maxRetryAfter)) s)"),
            ("walks", "\(settings.walkSample) (at most \(settings.maxWalkPages) pages each; discovery \(settings.discoveryPages))"),
            ("relations", String(settings.relationBudget)),
            ("shrink budget", "\(settings.shrinkBudget) requests per finding"),
            ("growth window", settings.window.rawValue),
        ]
        let measured: [(String, String)] = [
            ("cases", "\(stats.cases) (\(byExpectation))"),
            ("walks", "\(stats.walks) (\(stats.pagesWalked) pages)"),
            ("relations", String(stats.relations)),
            ("requests", "\(stats.requests) in \(String(format: "%.1f", stats.seconds)) s (\(String(format: "%.0f", stats.requestsPerSecond)) req/s)"),
            ("retried", String(stats.retries)),
            ("corpus replayed", "\(stats.corpusReplayed) (\(result.failingCorpusEntries.count) still failing)"),
        ]
        page.append("<section id=\"settings\"><h2>Run</h2><div class=\"grid3\">")
        for (title, rows) in [("Run", run), ("Budgets", budgets), ("Measured", measured)] {
            page.append("<table class=\"kv\"><caption>\(title)</caption>")
            for (key, value) in rows {
                page.append("<tr><th>\(page.text(key))</th><td>\(page.text(value))</td></tr>")
            }
            page.append("</table>")
        }
        page.append("</div></section>")
    }
}
