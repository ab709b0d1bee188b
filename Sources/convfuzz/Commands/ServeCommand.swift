import ArgumentParser
import ConvfuzzReferenceServer
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
    var size: Int = 1000

    @Option(help: "Inject one deliberate contract violation (see `convfuzz faults`).")
    var fault: String?

    @Option(help: "Require this environment variable's value in the auth header (unset: no auth).")
    var apiKeyEnv: String?

    @Option(parsing: .unconditional, help: "Insert a new newest conversation after every N list requests.")
    var insertEvery: Int?

    @Flag(help: "Print the target profile (hidden values) of the reference dataset and exit.")
    var printProfile = false

    func validate() throws {
        try Bounds.within("--port", port, 0, 65535)
        try Bounds.within("--size", size, 1, 1_000_000)
        if let insertEvery { try Bounds.atLeast("--insert-every", insertEvery, 1) }
        if let fault, ReferenceFault(rawValue: fault) == nil {
            throw ValidationError("unknown fault '\(fault)'; `convfuzz faults` lists them")
        }
    }

    func run() throws {
        if printProfile {
            print(ReferenceProfile.renderYAML(), terminator: "")
            return
        }
        var key: String?
        if let apiKeyEnv {
            guard let value = ProcessInfo.processInfo.environment[apiKeyEnv], !value.isEmpty else {
                throw CommandExit.usage("--api-key-env \(apiKeyEnv): the variable is not set")
            }
            key = value
        }
        let configuration = ReferenceServerConfiguration(
            host: host, port: port, seed: seed, size: size, fault: fault.flatMap(ReferenceFault.init(rawValue:)),
            apiKey: key, insertEvery: insertEvery)
        let server: ReferenceServer
        do {
            server = try ReferenceServer(configuration: configuration)
            try server.start()
        } catch {
            throw CommandExit.usage("cannot serve on \(host):\(port): \(error)")
        }
        let faultText = fault.map { " with fault \($0)" } ?? ""
        let banner = """
            convfuzz reference server on \(server.baseURL) (\(size) conversations, seed \(seed)\(faultText))
            list endpoint: \(server.baseURL)\(configuration.basePath)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        ServeCommand.waitForTermination()
        server.stop()
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
        "convfuzz serve --port 8080",
        "convfuzz serve --port 0 --fault page-size-plus-one",
        "convfuzz serve --print-profile > reference.yaml",
    ]
}
