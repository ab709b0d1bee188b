import ArgumentParser
import ConvfuzzReferenceServer
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTransport
import Foundation

/// `convfuzz run`: fuzz a target and gate on the findings.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fuzz the endpoint and check every response, cursor walk and relation against the spec.",
        discussion: """
            Exit codes: 0 no new finding, 1 new findings, 2 usage, spec or file error, 3 target unreachable, refused (also \
            mid-run), not the endpoint or untestable (stalled, reset, throttled), 130 interrupted by SIGINT, 143 by SIGTERM. On the first SIGINT/SIGTERM convfuzz stops \
            sending, writes the summary, the reports and a corpus entry per finding (marked unconfirmed), then exits; \
            a second signal aborts at once. A report path of - means standard output (the summary then goes to stderr).
            """
    )

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var checkOptions: CheckOptions

    @Option(parsing: .unconditional, help: "Run seed: the same seed, spec and target behaviour give the same cases in the same order.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Generated cases to send.")
    var maxCases: Int = RunSettings.defaults.maxCases

    @Option(parsing: .unconditional, help: "Deadline for the whole run in seconds, waiting included (request timeouts, retries and Retry-After are cut to what is left); the run ends within this plus 5 s.")
    var timeBudget: Double?

    @Option(parsing: .unconditional, help: "Seconds of --time-budget kept for confirming and shrinking findings (default: 20% of it).")
    var confirmBudget: Double?

    @Option(parsing: .unconditional, help: "The longest Retry-After waited for, in seconds; a longer one is reported and stops the run.")
    var maxRetryAfter: Double = RunSettings.defaults.maxRetryAfter

    @Option(parsing: .unconditional, help: "Stop after this many unique findings.")
    var maxFailures: Int?

    @Option(parsing: .unconditional, help: "Requests in flight at once.")
    var concurrency: Int = RunSettings.defaults.concurrency

    @Option(help: "At most this many requests per second, e.g. 5/s or 0.5/s.")
    var rateLimit: String?

    @Option(parsing: .unconditional, help: "Retries on connection errors, 429 and 503.")
    var retries: Int = RunSettings.defaults.retries

    @Option(help: ArgumentHelp("The share of requests that may meet transport trouble (resets, stalls, timeouts, 503s, 429s beyond Retry-After) before the run fails with exit 3, e.g. 5% or 0.05 (default: the spec's health.max_retry_share, else 5%).",
                               valueName: "share"))
    var maxRetryShare: String?

    @Option(parsing: .unconditional, help: "Valid cases that get a full cursor walk.")
    var walks: Int = RunSettings.defaults.walkSample

    @Option(parsing: .unconditional, help: "The most pages one cursor walk may take before it counts as unfinished.")
    var maxWalkPages: Int = RunSettings.defaults.maxWalkPages

    @Option(parsing: .unconditional, help: "Metamorphic relations to check.")
    var relations: Int = RunSettings.defaults.relationBudget

    @Option(help: "Growth window: now (ignore items from the run's start second on) or off. Default: now for --target or --insert-rate, off otherwise.")
    var window: String?

    @Option(help: "Corpus folder: replayed first, new failures written there.")
    var corpus: String = "corpus"

    @Option(help: "The second key's target profile (same format as --profile): hidden ids of its workspace, sent under the first key in tenancy checks. Default with the embedded server: its second workspace's profile.")
    var secondProfile: String?

    @Flag(help: "Neither replay nor write a corpus.")
    var noCorpus = false

    @Option(help: "Accepted findings (JSON {\"accepted\": [signature, …]}); only new ones fail.")
    var baseline: String?

    @Flag(help: "Note every probe and relation as it is planned, and list flaky findings one by one.")
    var verbose = false

    @Option(help: "Do only part I of N of the run (1-based), e.g. 2/4; `convfuzz merge` joins the shards' JSON reports.")
    var shard: String?

    @Option(parsing: .unconditional, help: "Send at most this many requests in the whole run (retries, confirmation and shrinking included); every check family gets a share first. --rate-limit R with --time-budget T implies about R×T.")
    var maxRequests: Int?

    @Flag(help: "Keep generating further cases from the seed after --max-cases, until --time-budget or --max-requests runs out (needs one of them).")
    var explore = false

    @Option(parsing: .unconditional, help: "Connect timeout in seconds.")
    var connectTimeout: Double = 5

    @Option(parsing: .unconditional, help: "Total timeout per request in seconds.")
    var requestTimeout: Double = 30

    @Option(parsing: .unconditional, help: "Largest response body accepted, in bytes.")
    var maxResponseBytes: Int = 16 * 1024 * 1024

    func validate() throws {
        try Bounds.atLeast("--max-cases", maxCases, 0)
        try Bounds.within("--concurrency", concurrency, 1, 256)
        if let timeBudget { try Bounds.positive("--time-budget", timeBudget) }
        if let confirmBudget {
            guard confirmBudget >= 0 else { throw ValidationError("--confirm-budget must be at least 0 seconds, got \(confirmBudget)") }
            guard let timeBudget, confirmBudget < timeBudget else {
                throw ValidationError("--confirm-budget needs a larger --time-budget (it is a share of it)")
            }
        }
        guard maxRetryAfter >= 0 else { throw ValidationError("--max-retry-after must be at least 0 seconds, got \(maxRetryAfter)") }
        if let maxFailures { try Bounds.atLeast("--max-failures", maxFailures, 1) }
        if let rateLimit, RunCommand.parseRate(rateLimit) == nil {
            throw ValidationError("--rate-limit must look like 5/s or 0.5 (requests per second), got '\(rateLimit)'")
        }
        if let window, WindowMode(rawValue: window) == nil { throw ValidationError("--window must be now or off") }
        try Bounds.within("--retries", retries, 0, 10)
        if let maxRetryShare, TransportHealth.parseShare(maxRetryShare) == nil {
            throw ValidationError("--max-retry-share must be a share such as 5% or 0.05 (0 to 1), got '\(maxRetryShare)'")
        }
        try Bounds.atLeast("--walks", walks, 0)
        try Bounds.atLeast("--relations", relations, 0)
        try Bounds.atLeast("--max-walk-pages", maxWalkPages, 1)
        try Bounds.positive("--connect-timeout", connectTimeout)
        try Bounds.positive("--request-timeout", requestTimeout)
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be I/N with 1 <= I <= N, e.g. 2/4, got '\(shard)'")
        }
        try Bounds.atLeast("--max-response-bytes", maxResponseBytes, 1024)
        if let maxRequests { try Bounds.atLeast("--max-requests", maxRequests, 1) }
        if explore, timeBudget == nil, maxRequests == nil {
            throw ValidationError("--explore needs an end: give --time-budget or --max-requests")
        }
    }

    /// `5/s`, `5`, `0.5/s` → requests per second.
    static func parseRate(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("/s") { body.removeLast(2) }
        guard let value = Double(body), value > 0, value.isFinite else { return nil }
        return value
    }

    /// Loads `--second-profile`; without it, the embedded server's second workspace profile when the run
    /// targets the embedded server with a second key, else an empty profile.
    func loadSecondProfile(embedded: Bool) throws -> TargetProfile {
        do {
            if let secondProfile { return try TargetProfile.load(path: secondProfile) }
            guard embedded else { return .empty }
            return try TargetProfile.load(text: ReferenceProfile.renderYAML(workspace: .second), file: "(embedded) second workspace profile")
        } catch {
            throw CommandExit.usage(error.description)
        }
    }

    func run() throws {
        let started = RunDeadline.now()
        let destinations = try reportOptions.checkDestinations(corpus: noCorpus ? nil : corpus)
        let spec = try specOptions.loadSpec()
        let embedded = targetOptions.target == nil
        let profile = try specOptions.loadProfile(embeddedFallback: embedded, spec: spec)
        let baselineValue = try loadBaseline()
        if !noCorpus { try RunSetup.checkCorpus(corpus) }
        let keys = try targetOptions.keys(defaultEnv: spec.auth.env, seed: seed)
        let (url, server) = try targetOptions.resolve(basePath: spec.endpoint.path, keys: keys)
        defer { server?.stop() }
        var configuration = RunConfiguration(spec: spec, profile: profile, target: url, apiKey: keys.first, apiKeyEnv: keys.firstEnv)
        configuration.secondKey = keys.second
        configuration.secondKeyEnv = keys.secondEnv
        configuration.secondProfile = try loadSecondProfile(embedded: embedded && keys.second != nil)
        configuration.seed = seed
        configuration.maxCases = maxCases
        configuration.timeBudget = timeBudget
        configuration.startInstant = started
        configuration.confirmBudget = confirmBudget
        configuration.maxRetryAfter = maxRetryAfter
        configuration.maxFailures = maxFailures
        configuration.concurrency = concurrency
        configuration.rateLimit = rateLimit.flatMap(RunCommand.parseRate)
        configuration.retries = retries
        configuration.maxRetryShare = maxRetryShare.flatMap(TransportHealth.parseShare) ?? spec.harness.maxRetryShare
            ?? TransportHealth.defaultMaxRetryShare
        configuration.extraSecrets = SecretValues.collect(spec: spec, profile: profile, marked: targetOptions.secretParams)
        configuration.walkSample = walks
        configuration.maxWalkPages = maxWalkPages
        configuration.relationBudget = relations
        configuration.maxRequests = maxRequests
        configuration.explore = explore ? true : nil
        configuration.checks = try checkOptions.selection()
        let grows = !embedded || targetOptions.insertRate != nil
        configuration.window = window.flatMap(WindowMode.init(rawValue:)) ?? (grows ? .now : .off)
        configuration.corpusDirectory = noCorpus ? nil : corpus
        configuration.replayCorpus = !noCorpus
        configuration.verbose = verbose
        configuration.shard = shard.flatMap(Shard.init(parsing:)) ?? .whole
        configuration.targetIdentity = targetOptions.identity
        configuration.origin = targetOptions.origin(specFingerprint: spec.fingerprint, keyEnv: keys.first == nil ? nil : keys.firstEnv)
        configuration.reproductionServer = targetOptions.reproductionServer(keys: keys, defaultKeyEnv: spec.auth.env)
        configuration.transport = TransportConfiguration(connectTimeout: connectTimeout, totalTimeout: requestTimeout,
                                                         maxResponseBytes: maxResponseBytes, maxConcurrency: concurrency)
        let stop = StopRequest()
        configuration.stop = stop
        if embedded && !reportOptions.quiet {
            let fault = (targetOptions.fault.map { " with fault \($0)" } ?? "")
                + ChaosOptions.describe(chaos: targetOptions.chaos, rate: targetOptions.chaosRate)
            Terminal.diagnostic("convfuzz: no --target; fuzzing the embedded reference server at \(url)\(fault)\n")
        }
        // --quiet: no live line and no finding lines while the run goes on; only the verdict and the counts at the end.
        let progress = TerminalProgress(style: reportOptions.quiet ? .plain(interval: 0) : Terminal.progressStyle)
        let runner = Runner(configuration: configuration, baseline: baselineValue,
                            progress: reportOptions.quiet ? SilentProgress()
                                : RedactingProgress(progress, redactor: Redactor(secrets: configuration.secrets)))
        progress.countRequests { [executorRunner = UncheckedSendable(runner)] in executorRunner.value.requestsSoFar }
        let redactor = Redactor(secrets: configuration.secrets)
        let verboseReports = verbose
        let shared = UncheckedSendable((runner: runner, reports: reportOptions, destinations: destinations))
        let handler = InterruptHandler(stop: stop, onFirst: { name in
            progress.note("\(name): no new requests; finishing those in flight, then writing results (send it again to abort)")
        }, onGraceExpired: { name in
            let result = shared.value.runner.resultSoFar(signal: name)
            progress.finish()
            RunCommand.finish(result, redactor: redactor, reports: shared.value.reports, destinations: shared.value.destinations,
                              verbose: verboseReports)
        })
        let result: RunResult
        do {
            result = try runner.run()
        } catch {
            guard handler.claim() else { RunCommand.waitForExit() }
            progress.finish()
            throw CommandExit(code: error.exitCode, message: redactor.redact(error.description))
        }
        guard handler.claim() else { RunCommand.waitForExit() }
        progress.finish()
        RunCommand.finish(result, redactor: redactor, reports: reportOptions, destinations: destinations, verbose: verbose)
    }

    /// Writes the reports and the summary, then exits with the result's code (2 when a report cannot be written).
    static func finish(_ result: RunResult, redactor: Redactor, reports: ReportOptions, destinations: [OutputDestination],
                       verbose: Bool) -> Never {
        do {
            try reports.emit(ReportContext(result: result, redactor: redactor, verbose: verbose), destinations: destinations,
                             exitCode: result.exitCode)
        } catch let exit as CommandExit {
            Terminal.error(exit.message)
            Foundation.exit(exit.code)
        } catch {
            Terminal.error("the reports could not be written")
            Foundation.exit(ExitStatus.usage)
        }
        if let reason = result.abortReason { Terminal.error(redactor.redact(reason)) }
        if let failure = result.healthFailure { Terminal.error(redactor.redact(failure)) }
        Foundation.exit(result.exitCode)
    }

    /// The other writer (the interrupted run's grace timer) is writing the results and will exit.
    static func waitForExit() -> Never {
        while true { sleep(60) }
    }

    /// The `--baseline` file; a missing one means an empty baseline (with a note), a broken one exits 2.
    func loadBaseline() throws -> Baseline {
        guard let baseline else { return Baseline() }
        guard FileManagerProbe.exists(baseline) else {
            Terminal.diagnostic("convfuzz: note: baseline \(baseline) does not exist yet, so no finding is accepted; "
                                + "write one with --write-baseline \(baseline)\n")
            return Baseline()
        }
        do { return try Baseline.load(path: baseline) } catch { throw CommandExit.usage(error.description) }
    }
}

extension RunCommand: Exemplified {
    static let examples = [
        "convfuzz run",
        "convfuzz run --target http://127.0.0.1:8080 --junit out/junit.xml   # against convfuzz serve --port 8080",
        "ELEVENLABS_API_KEY=… convfuzz run --target https://api.elevenlabs.io --profile staging.yaml --time-budget 600",
    ]
}
