import ArgumentParser
import ConvfuzzReport
import ConvfuzzRunner
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation

/// `convfuzz run`: fuzz a target and gate on the findings.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fuzz the endpoint and check every response, cursor walk and relation against the spec.",
        discussion: "Exit codes: 0 no new finding, 1 new findings, 2 usage or spec error, 3 target unreachable or unauthorised."
    )

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var targetOptions: TargetOptions
    @OptionGroup var reportOptions: ReportOptions

    @Option(help: "Run seed: the same seed, spec and target behaviour give the same cases in the same order.")
    var seed: UInt64 = 1

    @Option(help: "Generated cases to send.")
    var maxCases: Int = 2_000

    @Option(help: "Stop starting new work after this many seconds.")
    var timeBudget: Double?

    @Option(help: "Stop after this many unique findings.")
    var maxFailures: Int?

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 8

    @Option(help: "At most this many requests per second, e.g. 5/s or 0.5/s.")
    var rateLimit: String?

    @Option(help: "Retries on connection errors, 429 and 503.")
    var retries: Int = 3

    @Option(help: "Valid cases that get a full cursor walk.")
    var walks: Int = 12

    @Option(help: "The most pages one cursor walk may take before it counts as unfinished.")
    var maxWalkPages: Int = 2_000

    @Option(help: "Metamorphic relations to check.")
    var relations: Int = 96

    @Option(help: "Growth window: now (ignore items newer than the run's start) or off. Default: now for --target, off otherwise.")
    var window: String?

    @Option(help: "Corpus folder: replayed first, new failures written there.")
    var corpus: String = "corpus"

    @Flag(help: "Neither replay nor write a corpus.")
    var noCorpus = false

    @Option(help: "Accepted findings (JSON {\"accepted\": [signature, …]}); only new ones fail.")
    var baseline: String?

    @Flag(help: "Note every probe and relation as it is planned.")
    var verbose = false

    @Option(help: "Do only part I of N of the run (1-based), e.g. 2/4; `convfuzz merge` joins the shards' JSON reports.")
    var shard: String?

    @Option(help: "Connect timeout in seconds.")
    var connectTimeout: Double = 5

    @Option(help: "Total timeout per request in seconds.")
    var requestTimeout: Double = 30

    @Option(help: "Largest response body accepted, in bytes.")
    var maxResponseBytes: Int = 16 * 1024 * 1024

    func validate() throws {
        guard maxCases >= 0 else { throw ValidationError("--max-cases must be 0 or more") }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be 1...256") }
        if let timeBudget, !(timeBudget > 0) { throw ValidationError("--time-budget must be a positive number of seconds") }
        if let maxFailures, maxFailures < 1 { throw ValidationError("--max-failures must be at least 1") }
        if let rateLimit, RunCommand.parseRate(rateLimit) == nil {
            throw ValidationError("--rate-limit must look like 5/s or 0.5 (requests per second), got '\(rateLimit)'")
        }
        if let window, WindowMode(rawValue: window) == nil { throw ValidationError("--window must be now or off") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be 0...10") }
        guard walks >= 0, relations >= 0 else { throw ValidationError("--walks and --relations must be 0 or more") }
        guard maxWalkPages >= 1 else { throw ValidationError("--max-walk-pages must be at least 1") }
        guard connectTimeout > 0, requestTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be I/N with 1 <= I <= N, e.g. 2/4, got '\(shard)'")
        }
        guard maxResponseBytes >= 1024 else { throw ValidationError("--max-response-bytes must be at least 1024") }
    }

    /// `5/s`, `5`, `0.5/s` → requests per second.
    static func parseRate(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("/s") { body.removeLast(2) }
        guard let value = Double(body), value > 0, value.isFinite else { return nil }
        return value
    }

    func run() throws {
        let spec = try specOptions.loadSpec()
        let embedded = targetOptions.target == nil
        let profile = try specOptions.loadProfile(fallback: embedded ? "specs/profiles/reference.yaml" : nil)
        var baselineValue = Baseline()
        if let baseline {
            do { baselineValue = try Baseline.load(path: baseline) } catch { throw CommandExit.usage("\(error)") }
        }
        let (url, server) = try targetOptions.resolve(basePath: spec.endpoint.path)
        defer { server?.stop() }
        let key = targetOptions.apiKey(defaultEnv: spec.auth.env)
        var configuration = RunConfiguration(spec: spec, profile: profile, target: url, apiKey: key.value, apiKeyEnv: key.env)
        configuration.seed = seed
        configuration.maxCases = maxCases
        configuration.timeBudget = timeBudget
        configuration.maxFailures = maxFailures
        configuration.concurrency = concurrency
        configuration.rateLimit = rateLimit.flatMap(RunCommand.parseRate)
        configuration.retries = retries
        configuration.walkSample = walks
        configuration.maxWalkPages = maxWalkPages
        configuration.relationBudget = relations
        configuration.window = window.flatMap(WindowMode.init(rawValue:)) ?? (embedded ? .off : .now)
        configuration.corpusDirectory = noCorpus ? nil : corpus
        configuration.replayCorpus = !noCorpus
        configuration.verbose = verbose
        configuration.shard = shard.flatMap(Shard.init(parsing:)) ?? .whole
        configuration.targetIdentity = targetOptions.identity
        configuration.transport = TransportConfiguration(connectTimeout: connectTimeout, totalTimeout: requestTimeout,
                                                         maxResponseBytes: maxResponseBytes, maxConcurrency: concurrency)
        if embedded {
            let fault = targetOptions.fault.map { " with fault \($0)" } ?? ""
            Terminal.diagnostic("convfuzz: no --target; fuzzing the embedded reference server at \(url)\(fault)\n")
        }
        let progress = TerminalProgress(isTTY: Terminal.stderrIsTTY, color: Terminal.colorAllowed && Terminal.stderrIsTTY)
        let runner = Runner(configuration: configuration, baseline: baselineValue, progress: progress)
        let result: RunResult
        do {
            result = try runner.run()
        } catch {
            progress.finish()
            throw CommandExit(code: error.exitCode, message: Redactor(secrets: [key.value]).redact(error.description))
        }
        progress.finish()
        try reportOptions.emit(ReportContext(result: result, redactor: Redactor(secrets: [key.value])))
        if result.exitCode != 0 || !result.failingCorpusEntries.isEmpty {
            throw CommandExit(code: ExitStatus.findings, message: "")
        }
    }
}
