import ConvfuzzOracle
import ConvfuzzResults

extension HTMLReport {
    // MARK: Findings

    static func renderFindings(_ page: inout Page) {
        let result = page.context.result
        let groups = page.context.groups
        let grouped = groups.count == result.findings.count ? "" : " in \(groups.count) group\(groups.count == 1 ? "" : "s")"
        page.append("<section id=\"findings\"><h2>Findings (\(result.findings.count)\(grouped))</h2>")
        if result.findings.isEmpty {
            page.append("<p class=\"none\">No findings.</p>")
        }
        if !groups.isEmpty {
            page.append("<table class=\"data finding-index\"><tr><th>#</th><th>check</th><th>parameter</th><th>status</th><th>seen</th><th>message</th></tr>")
            for (index, group) in groups.enumerated() {
                let reported = group.example
                let parameters = group.parameters.isEmpty ? "—" : group.parameters.joined(separator: ", ")
                let seen = group.count == 1 ? "\(reported.occurrences)×" : "\(group.count) findings"
                let message = group.count == 1 ? reported.finding.message : group.cause
                page.append("<tr><td><a href=\"#finding-\(index + 1)\">\(index + 1)</a></td><td><code>\(page.text(group.check.rawValue))</code></td><td>\(page.text(parameters))</td><td>\(group.status.rawValue)</td><td>\(seen)</td><td class=\"message\">\(page.text(ReportContext.clip(message, limit: 160)))</td></tr>")
            }
            page.append("</table>")
        }
        for (index, group) in groups.enumerated() {
            renderFinding(group.example, number: index + 1, group: group, page: &page)
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

    /// One group's article: its representative in full and, for several members, the cause and a list of members.
    static func renderFinding(_ reported: ReportedFinding, number: Int, group: FindingGroup? = nil, page: inout Page) {
        let finding = reported.finding
        let id = "finding-\(number)"
        page.append("<article class=\"finding status-\(reported.status.rawValue)\" id=\"\(id)\">")
        var heading = "<h3>\(number). <span class=\"badge status\">\(reported.status.rawValue)</span>"
        heading += "<code class=\"check\">\(page.text(finding.check.rawValue))</code> \(page.text(finding.check.title))"
        if let parameter = finding.parameter {
            heading += " · parameter <code class=\"parameter\">\(page.text(parameter))</code>"
        }
        page.append(heading + "</h3>")
        if let group, group.count > 1 {
            page.append("<p class=\"message cause\">\(page.text(group.cause))</p>")
            page.append("<p class=\"muted\">Example (the smallest of \(group.count)): <code>\(page.text(finding.check.rawValue))</code></p>")
        }
        page.append("<p class=\"message\">\(page.text(finding.message))</p>")
        page.append("<table class=\"kv\">")
        var rows: [(String, String)] = [
            ("expected", finding.expected),
            ("observed", finding.observed),
            ("from", reported.origin.summary),
            ("seen", "\(reported.occurrences)×"),
        ]
        if let shrink = reported.shrink {
            rows.append(("shrunk", shrink.summary))
        }
        if let file = reported.corpusFile { rows.append(("corpus", file)) }
        rows.append(("signature", finding.signature))
        for (key, value) in rows {
            page.append("<tr><th>\(key)</th><td class=\"\(key)\">\(page.text(value))</td></tr>")
        }
        page.append("</table>")
        if let first = finding.evidence.first {
            page.append("<div class=\"evidence\"><div class=\"muted\">Evidence</div>")
            renderEvidence(first, page: &page)
            let more = finding.evidence.dropFirst()
            if !more.isEmpty {
                page.append("<details><summary>\(more.count) more response\(more.count == 1 ? "" : "s")</summary>")
                for evidence in more { renderEvidence(evidence, page: &page) }
                page.append("</details>")
            }
            page.append("</div>")
        }
        let lines = page.context.reproductionLines(for: reported)
        if !lines.isEmpty {
            let reproID = "repro-\(number)"
            let requests = page.context.curlLines(for: reported).count
            page.append("<div class=\"repro-head\"><span>Reproduce (\(requests) request\(requests == 1 ? "" : "s")\(page.context.serverLine == nil ? "" : ", after starting this run's server"); the key is read from <code>$\(page.text(page.context.result.apiKeyEnv))</code>)</span>")
            page.append("<button type=\"button\" data-copy=\"\(reproID)\">Copy</button></div>")
            page.append("<pre class=\"repro\" id=\"\(reproID)\">\(page.text(lines.joined(separator: "\n")))</pre>")
        }
        if let group, group.count > 1 {
            page.append("<details class=\"members\"><summary>\(group.count) members</summary><ul>")
            for member in group.members {
                let parameter = member.finding.parameter.map { " \(page.text($0)):" } ?? ""
                page.append("<li><code>\(page.text(member.finding.check.rawValue))</code>\(parameter) \(page.text(ReportContext.clip(member.finding.message, limit: 200))) (\(member.status.rawValue))</li>")
            }
            page.append("</ul></details>")
        }
        page.append("</article>")
    }

    static func renderEvidence(_ evidence: Evidence, page: inout Page) {
        let status = evidence.status.map { "HTTP \($0)" } ?? "no response"
        let query = evidence.query.isEmpty ? "(no query)" : evidence.query
        page.append("<p class=\"evidence-request\"><code>\(page.text(query))</code> → \(page.text(status))</p>")
        page.append("<pre class=\"excerpt\">\(page.text(evidence.excerpt))</pre>")
    }
}
