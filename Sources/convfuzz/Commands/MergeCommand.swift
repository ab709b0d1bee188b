import ArgumentParser
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzRunner
import Foundation

/// `convfuzz merge a.json b.json …`: one verdict from the JSON reports of the shards of one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of `run --shard I/N` into one verdict and exit code.",
        discussion: """
            The reports must come from one run: the same seed, spec, target and shard count, each shard once.
            Findings are deduplicated by signature. Exit codes: 0 no new finding, 1 new findings (as `run`),
            2 a report is missing, corrupt or from another run.
            Example: convfuzz merge shard-1.json shard-2.json shard-3.json shard-4.json --junit junit.xml
            """
    )

    @Argument(help: "The shards' JSON reports (`run --shard I/N --json FILE`).")
    var reports: [String]

    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        guard !reports.isEmpty else { throw ValidationError("give the JSON report of every shard") }
    }

    func run() throws {
        let destinations = try reportOptions.checkDestinations(corpus: nil)
        let merged: RunResult
        do {
            merged = try ReportMerger.merge(files: reports)
        } catch {
            throw CommandExit.usage(error.description)
        }
        let key = ProcessInfo.processInfo.environment[merged.apiKeyEnv].flatMap { $0.isEmpty ? nil : $0 }
        try reportOptions.emit(ReportContext(result: merged, redactor: Redactor(secrets: [key])), destinations: destinations,
                               exitCode: merged.exitCode)
        if merged.exitCode != 0 {
            throw CommandExit(code: merged.exitCode, message: "")
        }
    }
}
