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

    /// Writes every requested file it can, then prints the summary (on stderr when a report went to
    /// standard output). A report that cannot be written does not stop the others or the summary: the
    /// failures are thrown afterwards, in one line naming each, with the run's own exit code when it is
    /// not 0 (so findings are not hidden behind a file error) and 2 otherwise.
    func emit(_ context: ReportContext, destinations: [OutputDestination], exitCode: Int32) throws {
        var failures: [String] = []
        for destination in destinations where destination.kind != .folder {
            let text: String
            switch destination.option {
            case "--junit": text = JUnitReport.render(context)
            case "--json":
                do { text = try JSONReport.render(context) } catch {
                    failures.append("--json: the report could not be rendered")
                    continue
                }
            case "--markdown": text = MarkdownReport.render(context)
            case "--html": text = HTMLReport.render(context)
            default: text = Baseline.render(context.result.findings.map(\.finding.signature))
            }
            do { try destination.write(text) } catch { failures.append("\(error)") }
        }
        let reportOnStdout = destinations.contains { $0.kind == .standardOutput }
        let summary = TextSummary.render(context, color: !reportOnStdout && Terminal.colorAllowed, exitCode: exitCode)
        let text = quiet ? TextSummary.quiet(context, color: !reportOnStdout && Terminal.colorAllowed, exitCode: exitCode) : summary
        if reportOnStdout { Terminal.diagnostic(text) } else { print(text, terminator: "") }
        guard !failures.isEmpty else { return }
        let written = destinations.filter { $0.kind != .folder }.count - failures.count
        let code = exitCode != 0 ? exitCode : ExitStatus.usage
        throw CommandExit(code: code, message: "could not write \(failures.joined(separator: "; ")); the summary"
                          + (written > 0 ? " and the \(written) other report(s) were" : " was") + " written; "
                          + (exitCode != 0 ? "exit \(code) is the run's own verdict" : "exit 2 because a report is missing"))
    }
}
