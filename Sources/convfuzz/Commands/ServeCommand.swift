import ArgumentParser
import ConvfuzzReferenceServer
import Foundation

/// `convfuzz serve`: runs the bundled reference server in the foreground.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the reference implementation of the contract over a seeded synthetic dataset."
    )

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Address to bind (loopback by default).")
    var host: String = "127.0.0.1"

    @Option(help: "Dataset seed.")
    var seed: UInt64 = 1

    @Option(help: "Number of conversations (1 to 1,000,000).")
    var size: Int = 1000

    @Option(help: "Inject one deliberate contract violation (see `convfuzz faults --chaos`).")
    var fault: String?

    @Option(help: ArgumentHelp("Transport misbehaviours, comma-separated (see `convfuzz faults --chaos`): "
                               + ChaosMode.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "mode[,mode…]"))
    var chaos: String?

    @Option(help: "The share of list requests a chaos mode affects, in (0, 1] (e.g. 0.01 for 1%).")
    var chaosRate: Double = 1

    @Option(help: "Require this environment variable's value in the auth header (unset: no auth).")
    var apiKeyEnv: String?

    @Option(help: "Serve a second workspace (its own agents and conversations) to the key in this environment variable; needs --api-key-env.")
    var secondKeyEnv: String?

    @Option(help: "Insert a new newest conversation after every N list requests.")
    var insertEvery: Int?

    @Option(help: "Insert N new newest conversations per second, stamped with the current second (growth simulation).")
    var insertRate: Double?

    @Flag(help: "Print the target profile (hidden values) of the reference dataset and exit.")
    var printProfile = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
        guard (1...1_000_000).contains(size) else { throw ValidationError("--size must be 1...1000000, got \(size)") }
        if let insertEvery, insertEvery < 1 { throw ValidationError("--insert-every must be at least 1") }
        if let insertRate, !(insertRate > 0 && insertRate <= 100_000) {
            throw ValidationError("--insert-rate must be above 0 and at most 100000 per second, got \(insertRate)")
        }
        if let fault, ReferenceFault(rawValue: fault) == nil {
            throw ValidationError("unknown fault '\(fault)'; `convfuzz faults` lists them")
        }
        if secondKeyEnv != nil && apiKeyEnv == nil {
            throw ValidationError("--second-key-env needs --api-key-env (the first workspace's key)")
        }
        try ChaosOptions.validate(chaos: chaos, rate: chaosRate)
    }

    func run() throws {
        if printProfile {
            print(ReferenceProfile.renderYAML(), terminator: "")
            return
        }
        let key = try apiKeyEnv.map { name throws in try ServeCommand.key(in: name, option: "--api-key-env") }
        let second = try secondKeyEnv.map { name throws in try ServeCommand.key(in: name, option: "--second-key-env") }
        if let key, key == second {
            throw CommandExit.usage("--second-key-env \(secondKeyEnv ?? ""): the second key must differ from the first")
        }
        let configuration = ReferenceServerConfiguration(
            host: host, port: port, seed: seed, size: size, fault: fault.flatMap(ReferenceFault.init(rawValue:)),
            apiKey: key, insertEvery: insertEvery, insertRate: insertRate, chaos: ChaosOptions.modes(chaos), chaosRate: chaosRate,
            secondAPIKey: second)
        let server: ReferenceServer
        do {
            server = try ReferenceServer(configuration: configuration)
            try server.start()
        } catch {
            throw CommandExit.usage("cannot serve on \(host):\(port): \(error)")
        }
        let faultText = (fault.map { " with fault \($0)" } ?? "") + ChaosOptions.describe(chaos: chaos, rate: chaosRate)
            + (second == nil ? "" : ", two workspaces")
        let banner = """
            convfuzz reference server on \(server.baseURL) (\(size) conversations, seed \(seed)\(faultText))
            list endpoint: \(server.baseURL)\(configuration.basePath)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        ServeCommand.waitForTermination()
        server.stop()
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
