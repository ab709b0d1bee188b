import ConvfuzzOracle
import ConvfuzzRunner

extension HTMLReport {
    // MARK: Findings

    static func renderFindings(_ page: inout Page) {
        let result = page.context.result
        page.append("<section id=\"findings\"><h2>Findings (\(result.findings.count))</h2>")
        if result.findings.isEmpty {
            page.append("<p class=\"none\">No findings.</p>")
        }
        for (index, reported) in result.findings.enumerated() {
            renderFinding(reported, number: index + 1, page: &page)
        }
        let failing = result.failingCorpusEntries
        if !failing.isEmpty {
            page.append("<h3>Corpus entries still failing (\(failing.count))</h3><table class=\"data corpus\">")
            page.append("<tr><th>file</th><th>check</th><th>detail</th></tr>")
            for outcome in failing {
                page.append("<tr><td><code>\(page.text(outcome.file))</code></td><td><code>\(page.text(outcome.check))</code></td><td>\(page.text(outcome.detail))</td></tr>")
            }
            page.append("</table>")
        }
        page.append("</section>")
    }

    static func renderFinding(_ reported: ReportedFinding, number: Int, page: inout Page) {
        let finding = reported.finding
        let id = "finding-\(number)"
        page.append("<article class=\"finding status-\(reported.status.rawValue)\" id=\"\(id)\">")
        var heading = "<h3>\(number). <span class=\"badge status\">\(reported.status.rawValue)</span>"
        heading += "<code class=\"check\">\(page.text(finding.check.rawValue))</code> \(page.text(finding.check.title))"
        if let parameter = finding.parameter {
            heading += " · parameter <code class=\"parameter\">\(page.text(parameter))</code>"
        }
        page.append(heading + "</h3>")
        page.append("<p class=\"message\">\(page.text(finding.message))</p>")
        page.append("<table class=\"kv\">")
        var rows: [(String, String)] = [
            ("expected", finding.expected),
            ("observed", finding.observed),
            ("from", reported.origin.summary),
            ("seen", "\(reported.occurrences)×"),
        ]
        if let shrink = reported.shrink {
            rows.append(("shrunk", "\(shrink.pairsBefore) → \(shrink.pairsAfter) query pairs in \(shrink.attempts) requests\(shrink.verified ? " (re-verified)" : "")"))
        }
        if let file = reported.corpusFile { rows.append(("corpus", file)) }
        rows.append(("signature", finding.signature))
        for (key, value) in rows {
            page.append("<tr><th>\(key)</th><td class=\"\(key)\">\(page.text(value))</td></tr>")
        }
        page.append("</table>")
        if !finding.evidence.isEmpty {
            page.append("<details class=\"evidence\" open><summary>Evidence (\(finding.evidence.count) response\(finding.evidence.count == 1 ? "" : "s"))</summary>")
            for evidence in finding.evidence {
                let status = evidence.status.map { "HTTP \($0)" } ?? "no response"
                let query = evidence.query.isEmpty ? "(no query)" : evidence.query
                page.append("<p><code>\(page.text(query))</code> → \(page.text(status))</p>")
                page.append("<pre class=\"excerpt\">\(page.text(evidence.excerpt))</pre>")
            }
            page.append("</details>")
        }
        let lines = page.context.curlLines(for: reported)
        if !lines.isEmpty {
            let reproID = "repro-\(number)"
            page.append("<div class=\"repro-head\"><span>Reproduce (\(lines.count) request\(lines.count == 1 ? "" : "s"); the key is read from <code>$\(page.text(page.context.result.apiKeyEnv))</code>)</span>")
            page.append("<button type=\"button\" data-copy=\"\(reproID)\">Copy</button></div>")
            page.append("<pre class=\"repro\" id=\"\(reproID)\">\(page.text(lines.joined(separator: "\n")))</pre>")
        }
        page.append("</article>")
    }
}
