import ArgumentParser
import ConvfuzzReport
import ConvfuzzRunner

/// Report files a run may write.
struct ReportOptions: ParsableArguments {
    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "Write the machine-readable JSON report to this file.")
    var json: String?

    @Option(help: "Write a Markdown summary (for a CI step summary) to this file.")
    var markdown: String?

    @Option(help: "Write a self-contained HTML report (findings, coverage heatmap, traffic charts) to this file.")
    var html: String?

    @Option(help: "Write the current findings' signatures as a baseline file.")
    var writeBaseline: String?

    @Flag(help: "Print only the verdict line, not the whole summary.")
    var quiet = false

    /// Prints the summary and writes every requested file.
    func emit(_ context: ReportContext) throws {
        let text = TextSummary.render(context, color: Terminal.colorAllowed)
        if quiet {
            print(text.split(separator: "\n").last.map(String.init) ?? "")
        } else {
            print(text, terminator: "")
        }
        do {
            if let junit { try ReportWriter.write(JUnitReport.render(context), to: junit) }
            if let json { try ReportWriter.write(try JSONReport.render(context), to: json) }
            if let markdown { try ReportWriter.write(MarkdownReport.render(context), to: markdown) }
            if let html { try ReportWriter.write(HTMLReport.render(context), to: html) }
            if let writeBaseline {
                try ReportWriter.write(Baseline.render(context.result.findings.map(\.finding.signature)), to: writeBaseline)
            }
        } catch {
            throw CommandExit.usage("\(error)")
        }
    }
}
