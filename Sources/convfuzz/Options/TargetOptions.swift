import ArgumentParser
import ConvfuzzReferenceServer
import Foundation

/// Where requests go: a remote target, or the embedded reference server.
struct TargetOptions: ParsableArguments {
    @Option(help: "Base URL of the target (the spec adds the endpoint path). Without it, an embedded reference server is used.")
    var target: String?

    @Option(help: "Environment variable holding the API key (default: the spec's, ELEVENLABS_API_KEY).")
    var apiKeyEnv: String?

    @Option(help: "Embedded server only: inject this contract violation (see `convfuzz faults`).")
    var fault: String?

    @Option(help: "Embedded server only: dataset seed.")
    var serverSeed: UInt64 = 1

    @Option(help: "Embedded server only: number of conversations.")
    var serverSize: Int = 1000

    func validate() throws {
        if let target {
            guard let url = URL(string: target), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  url.host != nil else {
                throw ValidationError("--target must be an http(s) URL such as https://api.elevenlabs.io, got '\(target)'")
            }
            if fault != nil { throw ValidationError("--fault only applies to the embedded server (omit --target)") }
        }
        if let fault, ReferenceFault(rawValue: fault) == nil {
            throw ValidationError("unknown fault '\(fault)'; `convfuzz faults` lists them")
        }
        guard (1...1_000_000).contains(serverSize) else { throw ValidationError("--server-size must be 1...1000000") }
    }

    /// The key from the environment, if the variable is set and non-empty.
    func apiKey(defaultEnv: String) -> (value: String?, env: String) {
        let name = apiKeyEnv ?? defaultEnv
        let value = ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
        return (value, name)
    }

    /// What the target is, the same in every process of one run: the URL, or the embedded server's settings.
    var identity: String {
        if let target { return target }
        return "embedded reference server (seed \(serverSeed), size \(serverSize), fault \(fault ?? "none"))"
    }

    /// Starts the embedded server when there is no target; returns the base URL and the server to stop.
    func resolve(basePath: String) throws -> (url: String, server: ReferenceServer?) {
        if let target { return (target, nil) }
        let configuration = ReferenceServerConfiguration(
            seed: serverSeed, size: serverSize, fault: fault.flatMap(ReferenceFault.init(rawValue:)), basePath: basePath)
        do {
            let server = try ReferenceServer(configuration: configuration)
            try server.start()
            return (server.baseURL, server)
        } catch {
            throw CommandExit(code: ExitStatus.target, message: "cannot start the embedded reference server: \(error)")
        }
    }
}
