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
        lines.append(contentsOf: selectionLines(result))
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
        if let exploration = stats.exploration {
            lines.append(exploration.summary)
        } else if let explored = stats.exploredCases {
            lines.append("explore: \(explored) cases past --max-cases")
        }
        if let line = overTimeLine(result) { lines.append(line) }
        if let retry = stats.retry {
            if retry.total > 0 { lines.append("retries: \(retry.summary) over \(retry.retriedRequests) request(s)") }
            if let unhealthy = retry.unhealthyRequests, unhealthy > 0 {
                lines.append("transport trouble: \(unhealthy) request(s) (\(retry.unhealthySummary))")
            }
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
        if let failure = result.healthFailure { lines.append(failure) }
        lines.append(contentsOf: result.authNotes)
        if let ladders = result.sizeLadders, let line = SizeLadderOutcome.summaryLine(ladders) { lines.append(line) }
        lines.append("")
        let groups = context.groups
        let counts = FindingStatus.allCases.map { status in "\(result.findings.filter { $0.status == status }.count) \(status.rawValue)" }
        let grouped = groups.count == result.findings.count ? "" : " (\(groups.count) root-cause group\(groups.count == 1 ? "" : "s"))"
        lines.append(result.findings.isEmpty ? "No findings." : "Findings: " + counts.joined(separator: ", ") + grouped)
        let split = context.flakyGroups
        if let server = result.reproductionServer, !context.listedGroups.isEmpty {
            lines.append("repro server: \(server.command)   (this run's embedded server on a fixed port; start it, then run the repro lines)")
        }
        for (number, group) in context.listedGroups.enumerated() {
            lines.append(contentsOf: groupLines(group, number: number + 1, context: context, color: color))
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

    /// `checks: …` and the phases the selection left without a check, when `--checks` or
    /// `--exclude-checks` was given; nothing otherwise.
    static func selectionLines(_ result: RunResult) -> [String] {
        guard let checks = result.settings.checks else { return [] }
        var lines = ["checks: \(checks.summary)"]
        if let skipped = result.statistics.phasesSkipped, !skipped.isEmpty {
            lines.append("not sent (no selected check): " + skipped.joined(separator: ", "))
        }
        return lines
    }

    /// The run's series over time in one line, for a run with a time or request budget or `--explore`
    /// (what a longer budget would buy is their question); nil otherwise.
    static func overTimeLine(_ result: RunResult) -> String? {
        let settings = result.settings
        guard settings.timeBudget != nil || settings.requestLimit != nil || settings.explores,
              let series = result.statistics.overTime else { return nil }
        let allowed = result.coverageCells
        return RunCheckpoint.summaryLine(series, allowedCells: allowed > 0 ? allowed : nil)
    }

    /// What `--quiet` prints: the counts (findings by status, root-cause groups) and the verdict line.
    public static func quiet(_ context: ReportContext, color: Bool = false, exitCode: Int32? = nil) -> String {
        let result = context.result
        let groups = context.groups
        let counts = FindingStatus.allCases.map { status in "\(groups.filter { $0.status == status }.count) \(status.rawValue)" }
        let line = result.findings.isEmpty ? "No findings."
            : "Findings: \(groups.count) group\(groups.count == 1 ? "" : "s") (\(counts.joined(separator: ", "))) of \(result.findings.count) finding\(result.findings.count == 1 ? "" : "s")"
        return context.redactor.redact(line + "\n" + verdict(result, color: color, exitCode: exitCode ?? result.exitCode)) + "\n"
    }

    /// A group: a single finding as it always was; several as the headline (check, parameters, cause), the
    /// representative's details and one line per member (every member when verbose, otherwise the first few).
    static func groupLines(_ group: FindingGroup, number: Int, context: ReportContext, color: Bool) -> [String] {
        guard group.count > 1 else { return findingLines(group.example, number: number, context: context, color: color) }
        let id = color ? "\u{1B}[1;31m\(group.check.rawValue)\u{1B}[0m" : group.check.rawValue
        let parameters = group.parameters.isEmpty ? "" : " \(group.parameters.joined(separator: ",")):"
        var lines = ["", "\(number). [\(id)]\(parameters) \(group.cause) (\(group.status.rawValue), \(group.count) findings)"]
        lines.append("   example:  [\(group.example.finding.check.rawValue)] \(group.example.finding.message)")
        lines.append(contentsOf: findingLines(group.example, number: number, context: context, color: false).dropFirst(2))
        let shown = context.verbose ? group.members : Array(group.members.prefix(memberLines))
        for member in shown {
            let parameter = member.finding.parameter.map { " \($0):" } ?? ""
            lines.append("   member:   [\(member.finding.check.rawValue)]\(parameter) \(ReportContext.clip(member.finding.message, limit: 160)) (\(member.status.rawValue))")
        }
        if shown.count < group.count {
            lines.append("   … \(group.count - shown.count) more member(s) in the JSON report (--verbose lists each)")
        }
        return lines
    }

    /// Member lines printed per group unless verbose.
    static let memberLines = 5

    static func findingLines(_ reported: ReportedFinding, number: Int, context: ReportContext, color: Bool) -> [String] {
        let finding = reported.finding
        let id = color ? "\u{1B}[1;31m\(finding.check.rawValue)\u{1B}[0m" : finding.check.rawValue
        let parameter = finding.parameter.map { " \($0):" } ?? ""
        var lines = ["", "\(number). [\(id)]\(parameter) \(finding.message) (\(reported.status.rawValue), seen \(reported.occurrences)×)"]
        lines.append("   expected: \(finding.expected)")
        lines.append("   observed: \(finding.observed)")
        lines.append("   from:     \(ReportContext.clip(reported.origin.summary))")
        if let shrink = reported.shrink {
            lines.append("   shrunk:   \(shrink.summary)")
        }
        for line in context.curlLines(for: reported).prefix(3) { lines.append("   repro:    \(ReportContext.clip(line))") }
        if let command = context.replayCommand(for: reported) { lines.append("   replay:   \(command)") }
        return lines
    }

    /// The last line: what the run found and the exit code it ends with.
    static func verdict(_ result: RunResult, color: Bool, exitCode: Int32) -> String {
        let gating = result.gatingGroups.count
        if let signal = result.statistics.interruptedBy {
            let unconfirmed = result.findings.filter { $0.status == .unconfirmed }.count
            let text = "INTERRUPTED by \(signal): \(result.findings.count) finding(s) so far, \(unconfirmed) unconfirmed (exit \(exitCode))"
            return color ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text
        }
        if result.abortReason != nil {
            let text = "STOPPED: \(gating) new finding(s) before the target stopped the run (exit 3)"
            return color ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text
        }
        if result.healthFailure != nil {
            let text = "FAIL: the target failed the transport health gate; \(gating) new finding(s) kept (exit \(exitCode))"
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
