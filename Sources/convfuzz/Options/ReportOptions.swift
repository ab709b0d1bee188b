import ArgumentParser
import ConvfuzzReport
import ConvfuzzRunner

/// Report files a run may write.
struct ReportOptions: ParsableArguments {
    @Option(help: "Write a JUnit XML report to this file (- for standard output).")
    var junit: String?

    @Option(help: "Write the machine-readable JSON report to this file (- for standard output).")
    var json: String?

    @Option(help: "Write a Markdown summary (for a CI step summary) to this file (- for standard output).")
    var markdown: String?

    @Option(help: "Write a self-contained HTML report (findings, coverage heatmap, traffic charts) to this file.")
    var html: String?

    @Option(help: "Write the current findings' signatures as a baseline file.")
    var writeBaseline: String?

    @Flag(help: "Print only the finding counts and the verdict line: no progress, no finding lines.")
    var quiet = false

    /// The report files asked for, as (option, path).
    var requested: [(option: String, path: String)] {
        [("--junit", junit), ("--json", json), ("--markdown", markdown), ("--html", html), ("--write-baseline", writeBaseline)]
            .compactMap { option, path in path.map { (option, $0) } }
    }

    /// Checks every report destination (and the corpus folder) before the first request; exit 2 naming the first bad one.
    func checkDestinations(corpus: String?) throws -> [OutputDestination] {
        do {
            return try OutputDestination.checkAll(files: requested, folders: corpus.map { [("--corpus", $0)] } ?? [])
        } catch {
            throw CommandExit.usage(error.description)
        }
    }

    /// Writes every requested file, then prints the summary (on stderr when a report went to standard output).
    func emit(_ context: ReportContext, destinations: [OutputDestination], exitCode: Int32) throws {
        for destination in destinations where destination.kind != .folder {
            let text: String
            switch destination.option {
            case "--junit": text = JUnitReport.render(context)
            case "--json":
                do { text = try JSONReport.render(context) } catch { throw CommandExit.usage("--json: the report could not be rendered") }
            case "--markdown": text = MarkdownReport.render(context)
            case "--html": text = HTMLReport.render(context)
            default: text = Baseline.render(context.result.findings.map(\.finding.signature))
            }
            do { try destination.write(text) } catch { throw CommandExit.usage(error.description) }
        }
        let reportOnStdout = destinations.contains { $0.kind == .standardOutput }
        let summary = TextSummary.render(context, color: !reportOnStdout && Terminal.colorAllowed, exitCode: exitCode)
        let text = quiet ? TextSummary.quiet(context, color: !reportOnStdout && Terminal.colorAllowed, exitCode: exitCode) : summary
        if reportOnStdout { Terminal.diagnostic(text) } else { print(text, terminator: "") }
    }
}
