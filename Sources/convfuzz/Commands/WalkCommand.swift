import ArgumentParser
import ConvfuzzContract
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzSpec
import Foundation

/// `convfuzz walk`: follows one query's cursor to the end with every page and boundary checked, in flat memory.
struct WalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Walk one query's cursor to its end, checking every page, in constant memory.",
        discussion: """
            Exit 0 when the walk is clean, 1 with findings, 2 on usage errors, 3 when the target is unreachable.
            """
    )

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions

    @Option(parsing: .unconditional, help: "Page size to ask for (default: the spec's largest).")
    var pageSize: Int?

    @Option(name: .customLong("param"), help: "Extra query parameter as name=value (repeatable, sent in order).")
    var params: [String] = []

    @Option(parsing: .unconditional, help: "The most pages to fetch.")
    var maxPages: Int = 100_000

    func validate() throws {
        try Bounds.atLeast("--max-pages", maxPages, 1)
        if let pageSize { try Bounds.atLeast("--page-size", pageSize, 1) }
        for param in params where !param.contains("=") {
            throw ValidationError("--param takes name=value, got '\(param)'")
        }
    }

    func run() throws {
        let spec = try specOptions.loadSpec()
        let profile = try specOptions.loadProfile(embeddedFallback: false)
        let (configuration, server, key) = try RunSetup.configuration(spec: spec, profile: profile, targetOptions: targetOptions)
        defer { server?.stop() }
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(pageSize ?? spec.pagination.maxPageSize))]
        for param in params {
            let parts = param.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append(WirePair.encoding(String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
        }
        let progress = TerminalProgress(style: Terminal.progressStyle)
        let outcome: StreamingWalkOutcome
        do {
            outcome = try Runner(configuration: configuration, progress: progress).streamingWalk(pairs: pairs, maxPages: maxPages) { pages, _ in
                if pages % 100 == 0 {
                    progress.update(ProgressSnapshot(phase: .walk, done: pages, total: maxPages, findings: 0, requests: pages,
                                                     requestsPerSecond: 0, eta: nil))
                }
            }
        } catch {
            throw CommandExit(code: error.exitCode, message: Redactor(secrets: [key]).redact(error.description))
        }
        progress.finish()
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        print(String(format: "walked %d items in %d pages in %.1f s (%@); peak RSS %.1f MB", outcome.items, outcome.pages,
                     outcome.seconds, "\(outcome.end)", peak))
        let redactor = Redactor(secrets: [key])
        for finding in outcome.findings {
            print(redactor.redact("[\(finding.check.rawValue)] \(finding.parameter.map { "\($0): " } ?? "")\(finding.message)"))
        }
        if !outcome.findings.isEmpty { throw CommandExit(code: ExitStatus.findings, message: "") }
    }
}

extension WalkCommand: Exemplified {
    static let examples = [
        "convfuzz walk",
        "convfuzz walk --page-size 7 --max-pages 20",
        "ELEVENLABS_API_KEY=… convfuzz walk --target https://api.elevenlabs.io --max-pages 50",
    ]
}
