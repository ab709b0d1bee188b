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
            Exit codes as for `convfuzz run`: 0 when the walk is clean, 1 with findings, 2 on usage errors (a query the \
            spec says is invalid is refused before any request), 3 when the target is unreachable or the walk could not \
            go on (a transport failure). --max-pages stops the walk early on purpose (its end is then not judged); \
            --max-walk-pages is the bound past which a walk counts as never ending (CF-WALK-LOOP).
            """
    )

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions
    @OptionGroup var checkOptions: CheckOptions

    @Option(parsing: .unconditional, help: "Page size to ask for (default: the spec's largest).")
    var pageSize: Int?

    @Option(name: .customLong("param"), help: "Extra query parameter as name=value (repeatable, sent in order).")
    var params: [String] = []

    @Option(parsing: .unconditional, help: "Stop after this many pages (a sample: the pages are checked, the walk's end is not).")
    var maxPages: Int?

    @Option(parsing: .unconditional, help: "The most pages the walk may take before it counts as not ending (CF-WALK-LOOP).")
    var maxWalkPages: Int = 100_000

    func validate() throws {
        if let maxPages { try Bounds.atLeast("--max-pages", maxPages, 1) }
        try Bounds.atLeast("--max-walk-pages", maxWalkPages, 1)
        if let pageSize { try Bounds.atLeast("--page-size", pageSize, 1) }
        for param in params where !param.contains("=") {
            throw ValidationError("--param takes name=value, got '\(param)'")
        }
    }

    func run() throws {
        let spec = try specOptions.loadSpec()
        let profile = try specOptions.loadProfile(embeddedFallback: false, spec: spec)
        let given = params.map { param in
            let parts = param.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
        }
        let pageSizeParam = spec.pagination.pageSizeParam
        if pageSize != nil, given.contains(where: { $0.name == pageSizeParam }) {
            throw CommandExit.usage("--page-size and --param \(pageSizeParam)=… both set the page size; give one")
        }
        var (configuration, server, key) = try RunSetup.configuration(spec: spec, profile: profile, targetOptions: targetOptions)
        defer { server?.stop() }
        configuration.checks = try checkOptions.selection()
        configuration.extraSecrets += SecretValues.collect(spec: spec, profile: profile, marked: targetOptions.secretParams, pairs: given)
        var pairs: [WirePair] = []
        if !given.contains(where: { $0.name == pageSizeParam }) {
            pairs.append(WirePair.encoding(pageSizeParam, String(pageSize ?? spec.pagination.maxPageSize)))
        }
        for pair in given { pairs.append(WirePair.encoding(pair.name, pair.value)) }
        let redactor = Redactor(secrets: configuration.secrets + [key])
        let maxPages = maxPages
        let total = min(maxPages ?? maxWalkPages, maxWalkPages)
        let progress = TerminalProgress(style: Terminal.progressStyle)
        let outcome: StreamingWalkOutcome
        do {
            outcome = try Runner(configuration: configuration, progress: RedactingProgress(progress, redactor: redactor))
                .streamingWalk(pairs: pairs, maxPages: maxWalkPages, stopAfter: maxPages) { pages, _ in
                    if pages % 100 == 0 {
                        progress.update(ProgressSnapshot(phase: .walk, done: pages, total: total, findings: 0, requests: pages,
                                                         requestsPerSecond: 0, eta: nil))
                    }
                }
        } catch {
            progress.finish()
            throw CommandExit(code: error.exitCode, message: redactor.redact(error.description))
        }
        progress.finish()
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        print(redactor.redact(String(format: "Walked %d items in %d pages in %.1f s; peak RSS %.1f MB. ", outcome.items, outcome.pages,
                                     outcome.seconds, peak) + outcome.endSentence))
        for finding in outcome.findings {
            print(redactor.redact("[\(finding.check.rawValue)] \(finding.parameter.map { "\($0): " } ?? "")\(finding.message)"))
        }
        if !outcome.findings.isEmpty {
            print("FAIL: \(outcome.findings.count) finding(s) (exit 1)")
            throw CommandExit(code: ExitStatus.findings, message: "")
        }
        if let untestable = outcome.untestable {
            throw CommandExit(code: ExitStatus.target, message: redactor.redact(untestable))
        }
        print("PASS: no findings (exit 0)")
    }
}

extension WalkCommand: Exemplified {
    static let examples = [
        "convfuzz walk",
        "convfuzz walk --page-size 7 --max-pages 20",
        "ELEVENLABS_API_KEY=… convfuzz walk --target https://api.elevenlabs.io --max-pages 50",
    ]
}
