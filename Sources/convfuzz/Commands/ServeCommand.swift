import ArgumentParser
import ConvfuzzEmbedded
import ConvfuzzReferenceServer
import ConvfuzzSpec
import ConvfuzzSpecFiles
import Foundation

/// `convfuzz serve`: runs the bundled reference server in the foreground.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the reference implementation of the contract over a seeded synthetic dataset."
    )

    @Option(parsing: .unconditional, help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Address to bind (loopback by default).")
    var host: String = "127.0.0.1"

    @Option(parsing: .unconditional, help: "Dataset seed.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Number of conversations (1 to 1,000,000).")
    var size: Int = ReferenceServerConfiguration.defaultSize

    @Option(help: "Inject one deliberate contract violation (see `convfuzz faults`).")
    var fault: String?

    @Option(help: ArgumentHelp("Transport misbehaviours, comma-separated (see `convfuzz faults --chaos`): "
                               + ChaosMode.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "mode[,mode…]"))
    var chaos: String?

    @Option(help: "The share of list requests a chaos mode affects, in (0, 1] (e.g. 0.01 for 1%).")
    var chaosRate: Double = 1

    @Option(help: "Require this environment variable's value in the auth header (default: the spec's, ELEVENLABS_API_KEY, the variable `convfuzz run` reads; auth is off when it is unset).")
    var apiKeyEnv: String?

    @Flag(help: "Answer every request whatever its key, even when the key variable is set.")
    var noAuth = false

    @Option(help: "Serve a second workspace (its own agents and conversations) to the key in this environment variable; needs --api-key-env.")
    var secondKeyEnv: String?

    @Option(parsing: .unconditional, help: "Insert a new newest conversation after every N list requests.")
    var insertEvery: Int?

    @Option(help: "Insert N new newest conversations per second, stamped with the current second (growth simulation).")
    var insertRate: Double?

    @Flag(help: "Print the target profile (hidden values) of the reference dataset and exit.")
    var printProfile = false

    func validate() throws {
        try Bounds.within("--port", port, 0, 65535)
        try Bounds.within("--size", size, 1, 1_000_000)
        if let insertEvery { try Bounds.atLeast("--insert-every", insertEvery, 1) }
        if let insertRate, !(insertRate > 0 && insertRate <= 100_000) {
            throw ValidationError("--insert-rate must be above 0 and at most 100000 per second, got \(insertRate)")
        }
        if let fault, ReferenceFault(rawValue: fault) == nil {
            throw ValidationError("unknown fault '\(fault)'; `convfuzz faults` lists them")
        }
        try ChaosOptions.validate(chaos: chaos, rate: chaosRate)
        if noAuth && (apiKeyEnv != nil || secondKeyEnv != nil) {
            throw ValidationError("--no-auth turns the key check off; it cannot be combined with --api-key-env or --second-key-env")
        }
    }

    func run() throws {
        if printProfile {
            print(ReferenceProfile.renderYAML(), terminator: "")
            return
        }
        let keyEnv = apiKeyEnv ?? ServeCommand.defaultKeyEnv
        let key: String?
        if noAuth {
            key = nil
        } else if let apiKeyEnv {
            key = try ServeCommand.key(in: apiKeyEnv, option: "--api-key-env")
        } else {
            key = ProcessInfo.processInfo.environment[keyEnv].flatMap { $0.isEmpty ? nil : $0 }
        }
        if secondKeyEnv != nil && key == nil {
            throw CommandExit.usage("--second-key-env needs --api-key-env (the first workspace's key): \(keyEnv) is not set")
        }
        let second = try secondKeyEnv.map { name throws in try ServeCommand.key(in: name, option: "--second-key-env") }
        if let key, key == second {
            throw CommandExit.usage("--second-key-env \(secondKeyEnv ?? ""): the second key must differ from the first")
        }
        let configuration = ReferenceServerConfiguration(
            host: host, port: port, seed: seed, size: size, fault: fault.flatMap(ReferenceFault.init(rawValue:)),
            apiKey: key, insertEvery: insertEvery, insertRate: insertRate, secondAPIKey: second,
            chaos: ChaosOptions.modes(chaos), chaosRate: chaosRate)
        let server: ReferenceServer
        do {
            server = try ReferenceServer(configuration: configuration)
            try server.start()
        } catch {
            throw CommandExit.usage("cannot serve on \(host):\(port): \(error)")
        }
        let faultText = (fault.map { " with fault \($0)" } ?? "") + ChaosOptions.describe(chaos: chaos, rate: chaosRate)
            + (second == nil ? "" : ", two workspaces")
        let auth = key == nil
            ? "auth off: every request is answered whatever its key (\(noAuth ? "--no-auth" : "\(keyEnv) is not set")); "
                + "`convfuzz run` sends no key either unless \(keyEnv) is set"
            : "auth on: requests need the key in $\(keyEnv), which `convfuzz run` sends by default"
        let banner = """
            convfuzz reference server on \(server.baseURL), \(auth)
            \(size) conversations, seed \(seed)\(faultText)
            list endpoint: \(server.baseURL)\(configuration.basePath)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        ServeCommand.waitForTermination()
        server.stop()
    }

    /// The variable `convfuzz run` reads the key from by default: the embedded spec's `auth.env`.
    static var defaultKeyEnv: String {
        (try? SpecLoader.load(text: EmbeddedSpec.text, file: EmbeddedSpec.displayName))?.auth.env ?? "ELEVENLABS_API_KEY"
    }

    /// The non-empty value of an environment variable, or a usage error naming the option.
    static func key(in name: String, option: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw CommandExit.usage("\(option) \(name): the variable is not set")
        }
        return value
    }

    /// Blocks until SIGINT or SIGTERM.
    static func waitForTermination() {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let semaphore = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { semaphore.signal() }
            source.resume()
            return source
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
    }
}

extension ServeCommand: Exemplified {
    static let examples = [
        "convfuzz serve --port 8080   # then, in another shell: convfuzz run --target http://127.0.0.1:8080",
        "convfuzz serve --port 0 --fault page-size-plus-one",
        "convfuzz serve --print-profile > reference.yaml",
    ]
}
