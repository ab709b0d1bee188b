import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Foundation

/// Runs the whole pipeline against an in-process reference server.
enum Harness {
    static var root: String { TestPaths.root }

    static var specPath: String { TestPaths.specPath }
    static var spec: Spec { TestPaths.spec }
    static let profile: TargetProfile = { try! TargetProfile.load(path: root + "/specs/profiles/reference.yaml") }()
    /// The reference server's second workspace profile (`run --second-profile`).
    static let secondProfile: TargetProfile = {
        try! TargetProfile.load(text: ReferenceProfile.renderYAML(workspace: .second), file: "second.yaml")
    }()

    /// The key the server requires and the run sends (as a default `convfuzz run` generates one).
    static let key = GeneratedKey.make(seed: 1, workspace: 0)
    /// The second workspace's key, for tenancy runs.
    static let secondKey = GeneratedKey.make(seed: 1, workspace: 1)

    /// Starts a reference server requiring `key` (and serving `secondKey` a second workspace when
    /// `secondKey` is true), runs convfuzz against it with the same keys and stops the server.
    static func run(fault: ReferenceFault? = nil, seed: UInt64 = 1, spec: Spec = Harness.spec,
                    server serverConfiguration: ReferenceServerConfiguration? = nil, secondKey: Bool = false,
                    requireKey: Bool = true, configure: (inout RunConfiguration) -> Void = { _ in }) throws -> RunResult {
        var serverConfiguration = serverConfiguration ?? ReferenceServerConfiguration(fault: fault)
        if requireKey && serverConfiguration.apiKey == nil { serverConfiguration.apiKey = key }
        if secondKey { serverConfiguration.secondAPIKey = Harness.secondKey }
        let server = try ReferenceServer(configuration: serverConfiguration)
        try server.start()
        defer { server.stop() }
        var configuration = RunConfiguration(spec: spec, profile: profile, target: server.baseURL, apiKey: serverConfiguration.apiKey)
        if secondKey {
            configuration.secondKey = Harness.secondKey
            configuration.secondKeyEnv = "SECOND_API_KEY"
            configuration.secondProfile = secondProfile
        }
        configuration.seed = seed
        configuration.corpusDirectory = nil
        configuration.replayCorpus = false
        configure(&configuration)
        return try Runner(configuration: configuration).run()
    }

    /// ``run(fault:seed:spec:server:secondKey:requireKey:configure:)`` through ``BlockingLane/runs``:
    /// the run takes a thread of its own, and the waiting test holds none of the test pool's.
    static func run(fault: ReferenceFault? = nil, seed: UInt64 = 1, spec: Spec = Harness.spec,
                    server serverConfiguration: ReferenceServerConfiguration? = nil, secondKey: Bool = false,
                    requireKey: Bool = true,
                    configure: @escaping @Sendable (inout RunConfiguration) -> Void = { _ in }) async throws -> RunResult {
        try await BlockingLane.runs.run {
            try run(fault: fault, seed: seed, spec: spec, server: serverConfiguration, secondKey: secondKey,
                    requireKey: requireKey, configure: configure)
        }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() -> String {
        TestPaths.temporaryDirectory()
    }

    /// One line per finding, for failure messages.
    static func describe(_ result: RunResult) -> String {
        result.findings.map { "\($0.finding.check.rawValue) [\($0.status.rawValue)] \($0.finding.parameter ?? "-"): \($0.finding.message)" }
            .joined(separator: "\n")
    }

    /// The reference spec with every parameter renamed `zz_<name>` wherever the YAML names a parameter.
    static let renamedSpec: Spec = {
        var text = try! String(contentsOfFile: specPath, encoding: .utf8)
        for parameter in spec.parameters {
            text = text.replacingOccurrences(
                of: "(name|param|lower|upper|cursor_param|page_size_param|direction_param|window_param|owner_param): \(parameter.name)(?![A-Za-z0-9_])",
                with: "$1: zz_\(parameter.name)", options: .regularExpression)
        }
        return try! SpecLoader.load(text: text, file: "renamed.yaml")
    }()

    /// Server names for the renamed spec: canonical → `zz_` + canonical.
    static let renamedParameterNames: [String: String] = {
        Dictionary(uniqueKeysWithValues: spec.parameters.map { ($0.name, "zz_" + $0.name) })
    }()
}
