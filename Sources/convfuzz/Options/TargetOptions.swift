import ArgumentParser
import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzRunner
import Foundation

/// The keys of a run and the variables they are named by in reproduction lines.
struct RunKeys {
    /// The run's key (nil: none sent).
    var first: String?
    /// The variable of the run's key.
    var firstEnv: String
    /// The second key, for the tenancy checks.
    var second: String?
    /// The variable of the second key.
    var secondEnv: String?
}

/// Where requests go: a remote target, or the embedded reference server.
struct TargetOptions: ParsableArguments {
    @Option(help: "Base URL of the target (the spec adds the endpoint path). Without it, an embedded reference server is used.")
    var target: String?

    @Option(help: "Environment variable holding the API key (default: the spec's, ELEVENLABS_API_KEY).")
    var apiKeyEnv: String?

    @Option(help: "Environment variable holding a key of another workspace: tenant isolation between the two keys is checked. Without --target, an unset variable gets a key generated from the seed.")
    var secondKeyEnv: String?

    @Option(name: .customLong("secret-param"),
            help: ArgumentHelp("A parameter whose values are secret (repeatable): every value sent for it is redacted from every output, like the key.",
                               valueName: "name"))
    var secretParams: [String] = []

    @Option(help: "Embedded server only: inject this contract violation (see `convfuzz faults`).")
    var fault: String?

    @Option(help: ArgumentHelp("Embedded server only: transport misbehaviours, comma-separated (see `convfuzz faults --chaos`).",
                               valueName: "mode[,mode…]"))
    var chaos: String?

    @Option(help: "Embedded server only: the share of list requests a chaos mode affects, in (0, 1].")
    var chaosRate: Double = 1

    @Option(parsing: .unconditional, help: "Embedded server only: dataset seed.")
    var serverSeed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Embedded server only: number of conversations.")
    var serverSize: Int = ReferenceServerConfiguration.defaultSize

    @Option(help: "Embedded server only: insert N new newest conversations per second while the run goes on.")
    var insertRate: Double?

    func validate() throws {
        if let target {
            if let problem = TargetURL.problem(target) { throw ValidationError("--target: \(problem)") }
            if fault != nil { throw ValidationError("--fault only applies to the embedded server (omit --target)") }
            if insertRate != nil { throw ValidationError("--insert-rate only applies to the embedded server (omit --target)") }
            if chaos != nil { throw ValidationError("--chaos only applies to the embedded server (omit --target)") }
        }
        if let fault, ReferenceFault(rawValue: fault) == nil {
            throw ValidationError("unknown fault '\(fault)'; `convfuzz faults` lists them")
        }
        try ChaosOptions.validate(chaos: chaos, rate: chaosRate)
        try Bounds.within("--server-size", serverSize, 1, 1_000_000)
        if let insertRate, !(insertRate > 0 && insertRate <= 100_000) {
            throw ValidationError("--insert-rate must be above 0 and at most 100000 per second, got \(insertRate)")
        }
    }

    /// The key from the environment, if the variable is set and non-empty.
    func apiKey(defaultEnv: String) -> (value: String?, env: String) {
        let name = apiKeyEnv ?? defaultEnv
        let value = ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
        return (value, name)
    }

    /// The run's keys: from the environment; without --target, a key the environment does not hold
    /// is generated from the seed, so the embedded server requires one and the auth checks run.
    func keys(defaultEnv: String, seed: UInt64) throws -> RunKeys {
        let first = apiKey(defaultEnv: defaultEnv)
        var keys = RunKeys(first: first.value, firstEnv: first.env, second: nil, secondEnv: secondKeyEnv)
        let embedded = target == nil
        if embedded && keys.first == nil { keys.first = GeneratedKey.make(seed: seed, workspace: 0) }
        if let secondKeyEnv {
            keys.second = ProcessInfo.processInfo.environment[secondKeyEnv].flatMap { $0.isEmpty ? nil : $0 }
            if keys.second == nil {
                guard embedded else { throw CommandExit.usage("--second-key-env \(secondKeyEnv): the variable is not set") }
                keys.second = GeneratedKey.make(seed: seed, workspace: 1)
            }
            guard keys.first != nil else {
                throw CommandExit.usage("--second-key-env needs the run's own key too (set \(keys.firstEnv))")
            }
            guard keys.first != keys.second else {
                throw CommandExit.usage("--second-key-env \(secondKeyEnv): the second key is the run's key; it must be another workspace's")
            }
        }
        return keys
    }

    /// What the target is, the same in every process of one run: the URL (without credentials), or the
    /// embedded server's settings.
    var identity: String {
        if let target { return TargetURL.withoutCredentials(target) }
        return "embedded reference server (seed \(serverSeed), size \(serverSize), fault \(fault ?? "none"))"
    }

    // MARK: Origins

    /// The target as corpus entries record it.
    func origin(specFingerprint: String, keyEnv: String?) -> CorpusOrigin {
        if let target { return CorpusOrigin(remote: target, specFingerprint: specFingerprint, apiKeyEnv: keyEnv) }
        let server = CorpusOrigin.EmbeddedServer(seed: serverSeed, size: serverSize, fault: fault, chaos: chaos, chaosRate: chaosRate)
        return CorpusOrigin(embedded: server, specFingerprint: specFingerprint, apiKeyEnv: keyEnv)
    }

    /// For the embedded server, the command that starts it again on a fixed port for the reproduction lines.
    func reproductionServer(keys: RunKeys, defaultKeyEnv: String) -> ReproductionServer? {
        guard target == nil else { return nil }
        return ReproductionServer(seed: serverSeed, size: serverSize, defaultSize: ReferenceServerConfiguration.defaultSize, fault: fault, chaos: chaos,
                                  chaosRate: chaosRate, insertRate: insertRate, apiKeyEnv: keys.firstEnv,
                                  defaultKeyEnv: defaultKeyEnv, secondKeyEnv: keys.secondEnv)
    }

    /// The target the user named on the command line (`--target`, or the embedded server with
    /// `--fault` or `--chaos`), or nil when only defaults were given.
    func namedOrigin(specFingerprint: String) -> CorpusOrigin? {
        guard target != nil || fault != nil || chaos != nil else { return nil }
        return origin(specFingerprint: specFingerprint, keyEnv: apiKeyEnv)
    }

    /// These options aimed at a recorded origin: its URL or its embedded server's settings; the key is
    /// read from `--api-key-env` when given, else from the variable the origin names.
    func aimed(at origin: CorpusOrigin) -> TargetOptions {
        var copy = self
        if let server = origin.server {
            copy.target = nil
            copy.serverSeed = server.seed
            copy.serverSize = server.size
            copy.fault = server.fault
            copy.chaos = server.chaos
            copy.chaosRate = server.chaosRate ?? 1
        } else {
            copy.target = origin.target
            copy.fault = nil
            copy.chaos = nil
            copy.insertRate = nil
        }
        if copy.apiKeyEnv == nil { copy.apiKeyEnv = origin.apiKeyEnv }
        return copy
    }

    /// Starts the embedded server when there is no target; returns the base URL and the server to stop.
    /// The embedded server requires `keys.first` and serves a second workspace to `keys.second`.
    func resolve(basePath: String, keys: RunKeys) throws -> (url: String, server: ReferenceServer?) {
        if let target { return (target, nil) }
        let configuration = ReferenceServerConfiguration(
            seed: serverSeed, size: serverSize, fault: fault.flatMap(ReferenceFault.init(rawValue:)), apiKey: keys.first,
            insertRate: insertRate, basePath: basePath, secondAPIKey: keys.second,
            chaos: ChaosOptions.modes(chaos), chaosRate: chaosRate)
        do {
            let server = try ReferenceServer(configuration: configuration)
            try server.start()
            return (server.baseURL, server)
        } catch {
            throw CommandExit(code: ExitStatus.target, message: "cannot start the embedded reference server: \(error)")
        }
    }
}
