import ConvfuzzRunner
import Foundation

/// A summary fit for a CI step summary (GitHub `$GITHUB_STEP_SUMMARY`, GitLab job reports).
public enum MarkdownReport {
    /// Renders the report.
    public static func render(_ context: ReportContext) -> String {
        let result = context.result
        let stats = result.statistics
        var out: [String] = []
        let gating = result.gatingFindings.count
        out.append("## convfuzz: \(gating == 0 ? "✅ pass" : "❌ \(gating) new finding(s)")")
        out.append("")
        out.append("| spec | target | seed | cases | walks | relations | requests | req/s |")
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
        out.append("| \(cell(result.specName)) `\(result.specFingerprint)` | \(cell(result.endpoint)) | \(result.seed) | \(stats.cases) | \(stats.walks) | \(stats.relations) | \(stats.requests) | \(String(format: "%.0f", stats.requestsPerSecond)) |")
        out.append("")
        if result.findings.isEmpty {
            out.append("No findings.")
        } else {
            out.append("| # | check | parameter | status | message |")
            out.append("| --- | --- | --- | --- | --- |")
            for (index, reported) in result.findings.enumerated() {
                let finding = reported.finding
                out.append("| \(index + 1) | `\(finding.check.rawValue)` | \(cell(finding.parameter ?? "")) | \(reported.status.rawValue) | \(cell(finding.message)) |")
            }
            for (index, reported) in result.findings.enumerated() {
                out.append("")
                out.append("<details><summary>\(index + 1). \(cell(reported.finding.check.rawValue)): reproduce</summary>")
                out.append("")
                out.append("- expected: \(cell(reported.finding.expected))")
                out.append("- observed: \(cell(reported.finding.observed))")
                out.append("- from: \(cell(reported.origin.summary))")
                out.append("")
                out.append("```sh")
                out.append(contentsOf: context.curlLines(for: reported).map { ReportContext.clip($0, limit: 2000) })
                if let command = context.replayCommand(for: reported) { out.append(command) }
                out.append("```")
                out.append("</details>")
            }
        }
        if !result.coverageGaps.isEmpty {
            out.append("")
            out.append("Coverage gaps: \(result.coverageGaps.count) (see the JSON report).")
        }
        return context.redactor.redact(out.joined(separator: "\n")) + "\n"
    }

    /// Escapes text for a table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
