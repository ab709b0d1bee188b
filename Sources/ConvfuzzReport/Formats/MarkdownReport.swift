import ConvfuzzResults
import Foundation

/// A summary fit for a CI step summary (GitHub `$GITHUB_STEP_SUMMARY`, GitLab job reports).
public enum MarkdownReport {
    /// Renders the report.
    public static func render(_ context: ReportContext) -> String {
        let result = context.result
        let stats = result.statistics
        var out: [String] = []
        let gating = result.gatingGroups.count
        out.append("## convfuzz: \(gating == 0 ? "✅ pass" : "❌ \(gating) new finding(s)")")
        out.append("")
        out.append("| spec | target | seed | cases | walks | relations | requests | req/s |")
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
        out.append("| \(cell(result.specName)) `\(result.specFingerprint)` | \(cell(result.endpoint)) | \(result.seed) | \(stats.cases) | \(stats.walks) | \(stats.relations) | \(stats.requests) | \(String(format: "%.0f", stats.requestsPerSecond)) |")
        out.append("")
        let split = context.flakyGroups
        for line in TextSummary.selectionLines(result) { out.append(cell(line) + "  ") }
        if result.settings.checks != nil { out.append("") }
        out.append(contentsOf: retryLines(result))
        if !result.authNotes.isEmpty {
            out.append(result.authNotes.map(cell).joined(separator: "; ") + ".")
            out.append("")
        }
        if result.findings.isEmpty {
            out.append("No findings.")
        }
        let listed = context.listedGroups
        if !listed.isEmpty {
            out.append("| # | check | parameter | status | findings | message |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for (index, group) in listed.enumerated() {
                let message = group.count == 1 ? group.example.finding.message : group.cause
                out.append("| \(index + 1) | `\(group.check.rawValue)` | \(cell(group.parameters.joined(separator: ", "))) | \(group.status.rawValue) | \(group.count) | \(cell(message)) |")
            }
            for (index, group) in listed.enumerated() {
                let reported = group.example
                out.append("")
                out.append("<details><summary>\(index + 1). \(cell(group.check.rawValue)): reproduce</summary>")
                out.append("")
                if group.count > 1 { out.append("- example: `\(cell(reported.finding.check.rawValue))` \(cell(reported.finding.message))") }
                out.append("- expected: \(cell(reported.finding.expected))")
                out.append("- observed: \(cell(reported.finding.observed))")
                out.append("- from: \(cell(reported.origin.summary))")
                out.append("")
                out.append("```sh")
                out.append(contentsOf: context.reproductionLines(for: reported).map { ReportContext.clip($0, limit: 2000) })
                if let command = context.replayCommand(for: reported) { out.append(command) }
                out.append("```")
                if group.count > 1 {
                    out.append("")
                    out.append("Members (\(group.count)):")
                    out.append("")
                    for member in group.members {
                        out.append("- `\(member.finding.check.rawValue)` \(cell(member.finding.parameter ?? "")): \(cell(ReportContext.clip(member.finding.message, limit: 200))) (\(member.status.rawValue))")
                    }
                }
                out.append("</details>")
            }
        }
        if !split.groups.isEmpty {
            out.append("")
            out.append("Flaky findings (did not reproduce on a re-run; not gating): \(split.foldedCount)")
            out.append("")
            out.append("| check | count |")
            out.append("| --- | --- |")
            for group in split.groups { out.append("| `\(group.check.rawValue)` | \(group.count) |") }
        }
        if !result.coverageGaps.isEmpty {
            out.append("")
            out.append("Coverage gaps: \(result.coverageGaps.count) (see the JSON report).")
        }
        return context.redactor.redact(out.joined(separator: "\n")) + "\n"
    }

    /// Retries by reason, transport conditions, the slowest requests and why the run stopped.
    static func retryLines(_ result: RunResult) -> [String] {
        var out: [String] = []
        if let reason = result.abortReason { out.append("**Stopped by the target:** \(cell(reason))") }
        if let reason = result.statistics.stoppedEarly { out.append("- stopped early: \(cell(reason))") }
        if let retry = result.statistics.retry {
            out.append("- retries: \(retry.summary) over \(retry.retriedRequests) request(s)")
            for condition in retry.conditions { out.append("- transport condition: \(cell(condition))") }
            for slow in retry.slowest.prefix(3) where slow.seconds >= 1 {
                out.append("- slow: \(String(format: "%.1f s", slow.seconds)) `\(cell(slow.query))` (\(cell(slow.outcome)))")
            }
        }
        if !out.isEmpty { out.append("") }
        return out
    }

    /// Escapes text for a table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
