import ConvfuzzOracle
import ConvfuzzResults
import Foundation

/// The human summary printed at the end of a run.
public enum TextSummary {
    /// Renders the summary; `color` adds ANSI colour to the verdict and ids; `exitCode` (default: the result's)
    /// is the code the process exits with, which the verdict line states.
    public static func render(_ context: ReportContext, color: Bool = false, exitCode: Int32? = nil) -> String {
        let result = context.result
        let stats = result.statistics
        var lines: [String] = []
        lines.append("convfuzz — \(result.specName) (revision \(result.specRevision), spec \(result.specFingerprint))")
        lines.append("target:  \(context.redactor.redact(result.endpoint))")
        let byExpectation = ["valid", "empty", "invalid"].map { "\(stats.casesByExpectation[$0] ?? 0) \($0)" }.joined(separator: ", ")
        lines.append("seed \(result.seed): \(stats.cases) cases (\(byExpectation)), \(stats.walks) walks (\(stats.pagesWalked) pages), \(stats.relations) relations")
        lines.append(String(format: "%d requests in %.1f s (%.0f req/s), %d retried", stats.requests, stats.seconds,
                            stats.requestsPerSecond, stats.retries))
        if stats.corpusReplayed > 0 {
            let failing = result.failingCorpusEntries.count
            lines.append("corpus: \(stats.corpusReplayed) entries replayed, \(failing) still failing")
        }
        if let reason = stats.stoppedEarly { lines.append("stopped early: \(reason)") }
        if let budget = stats.requestBudget {
            lines.append(budget.summary)
            for cut in budget.cuts { lines.append("request budget: \(cut)") }
        }
        if let cut = stats.casesCut { lines.append(cut) }
        if let explored = stats.exploredCases { lines.append("explore: \(explored) cases past --max-cases") }
        if let retry = stats.retry {
            if retry.total > 0 { lines.append("retries: \(retry.summary) over \(retry.retriedRequests) request(s)") }
            for condition in retry.conditions { lines.append("transport condition: \(condition)") }
            if let slowest = retry.slowest.first, slowest.seconds >= 1 {
                let list = retry.slowest.prefix(3).map { String(format: "%.1f s", $0.seconds) + " (\($0.outcome))" }
                lines.append("slowest requests: " + list.joined(separator: ", "))
            }
        }
        if let cut = stats.walksCutByMemory, cut > 0 {
            lines.append("memory bound: \(cut) walk(s) stopped at the held-page bound before their end: checked page by page, "
                         + "left out of completeness, page-size, reverse and relation comparisons")
        }
        if let unconfirmed = stats.unconfirmed, unconfirmed > 0 {
            lines.append("unconfirmed: \(unconfirmed) finding(s) reported without a re-run (budget spent or run stopped)")
        }
        if let reason = result.abortReason { lines.append("stopped by the target: \(reason)") }
        lines.append(contentsOf: result.authNotes)
        lines.append("")
        let counts = FindingStatus.allCases.map { status in "\(result.findings.filter { $0.status == status }.count) \(status.rawValue)" }
        lines.append(result.findings.isEmpty ? "No findings." : "Findings: " + counts.joined(separator: ", "))
        let split = context.flakyGroups
        for (number, reported) in split.listed.enumerated() {
            lines.append(contentsOf: findingLines(reported, number: number + 1, context: context, color: color))
        }
        if !split.groups.isEmpty {
            lines.append("")
            lines.append("Flaky (did not reproduce on a re-run; not gating): \(split.foldedCount), by check (--verbose lists each):")
            for group in split.groups { lines.append("  \(group.check.rawValue): \(group.count)") }
        }
        if !result.coverageGaps.isEmpty {
            lines.append("")
            lines.append("Coverage gaps (allowed by the spec, hit by no case): \(result.coverageGaps.count)")
            for gap in result.coverageGaps.prefix(12) { lines.append("  - \(gap)") }
            if result.coverageGaps.count > 12 { lines.append("  … \(result.coverageGaps.count - 12) more in the JSON report") }
        }
        lines.append("")
        lines.append(verdict(result, color: color, exitCode: exitCode ?? result.exitCode))
        return context.redactor.redact(lines.joined(separator: "\n")) + "\n"
    }

    static func findingLines(_ reported: ReportedFinding, number: Int, context: ReportContext, color: Bool) -> [String] {
        let finding = reported.finding
        let id = color ? "\u{1B}[1;31m\(finding.check.rawValue)\u{1B}[0m" : finding.check.rawValue
        let parameter = finding.parameter.map { " \($0):" } ?? ""
        var lines = ["", "\(number). [\(id)]\(parameter) \(finding.message) (\(reported.status.rawValue), seen \(reported.occurrences)×)"]
        lines.append("   expected: \(finding.expected)")
        lines.append("   observed: \(finding.observed)")
        lines.append("   from:     \(reported.origin.summary)")
        if let shrink = reported.shrink {
            lines.append("   shrunk:   \(shrink.pairsBefore) → \(shrink.pairsAfter) query pairs in \(shrink.attempts) requests\(shrink.verified ? " (re-verified)" : "")")
        }
        for line in context.curlLines(for: reported).prefix(3) { lines.append("   repro:    \(ReportContext.clip(line))") }
        if let command = context.replayCommand(for: reported) { lines.append("   replay:   \(command)") }
        return lines
    }

    /// The last line: what the run found and the exit code it ends with.
    static func verdict(_ result: RunResult, color: Bool, exitCode: Int32) -> String {
        let gating = result.gatingFindings.count
        if let signal = result.statistics.interruptedBy {
            let unconfirmed = result.findings.filter { $0.status == .unconfirmed }.count
            let text = "INTERRUPTED by \(signal): \(result.findings.count) finding(s) so far, \(unconfirmed) unconfirmed (exit \(exitCode))"
            return color ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text
        }
        if result.abortReason != nil {
            let text = "STOPPED: \(gating) new finding(s) before the target stopped the run (exit 3)"
            return color ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text
        }
        if gating == 0 && exitCode != 0 {
            let text = "FAIL: \(result.failingCorpusEntries.count) corpus entr\(result.failingCorpusEntries.count == 1 ? "y" : "ies") still failing (exit \(exitCode))"
            return color ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text
        }
        if gating == 0 {
            let text = "PASS: no new findings (exit \(exitCode))"
            return color ? "\u{1B}[1;32m\(text)\u{1B}[0m" : text
        }
        let text = "FAIL: \(gating) new finding(s) (exit \(exitCode))"
        return color ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text
    }
}
