import ConvfuzzReferenceServer
import ConvfuzzTestSupport
import Foundation
import Testing

/// The `convfuzz` binary as a user runs it: exit codes, one-line errors, no leaked key.
@Suite("Command line", .serialized, .ownThreads)
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = Binary.path

    func convfuzz(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the binary first (make test does)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Harness.root)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ELEVENLABS_API_KEY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func anUnknownFlagIsAUsageError() throws {
        let outcome = try convfuzz(["run", "--no-such-flag"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--no-such-flag"))
    }

    @Test func aBadInsertRateIsOneUsageLine() throws {
        for arguments in [["serve", "--insert-rate", "0"], ["run", "--insert-rate=-2"],
                          ["run", "--target", "http://127.0.0.1:9", "--insert-rate", "5"]] {
            let outcome = try convfuzz(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stderr.contains("--insert-rate"), "\(outcome.stderr)")
        }
    }

    @Test func aMissingOrBrokenSpecNamesFileAndLine() throws {
        let missing = try convfuzz(["run", "--spec", "/nonexistent/spec.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/spec.yaml: spec file not found"))
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = directory + "/bad.yaml"
        try "convfuzz_spec: 1\nname: x\nparamters: []\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let broken = try convfuzz(["spec", "lint", bad])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("\(bad):3: unknown key 'paramters'"), "\(broken.stderr)")
        let run = try convfuzz(["run", "--spec", bad])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        let good = try convfuzz(["spec", "lint", Harness.specPath])
        #expect(good.status == 0)
    }

    @Test func anUnreachableTargetExits3WithTheURLAndReason() throws {
        let outcome = try convfuzz(["run", "--target", "http://127.0.0.1:1", "--connect-timeout", "1", "--retries", "0"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("http://127.0.0.1:1/v1/convai/conversations"))
        #expect(outcome.stderr.lowercased().contains("connect"))
    }

    @Test func aRefusedKeyExits3AndTheKeyNeverAppears() throws {
        let key = "sk_refused_key_0123456789abcdef"
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(apiKey: "another-key"))
        try server.start()
        defer { server.stop() }
        let outcome = try convfuzz(["run", "--target", server.baseURL, "--no-corpus"], environment: ["ELEVENLABS_API_KEY": key])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("refused the API key"))
        #expect(!(outcome.stdout + outcome.stderr).contains(key))
    }

    @Test func theKeyNeverAppearsInAnyOutputFile() throws {
        let key = "sk_live_secret_9f8e7d6c5b4a39281706"
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .summaryAlways, apiKey: key))
        try server.start()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try convfuzz([
            "run", "--target", server.baseURL, "--max-cases", "120", "--walks", "3", "--relations", "6", "--verbose",
            "--corpus", directory + "/corpus", "--junit", directory + "/junit.xml", "--json", directory + "/report.json",
            "--markdown", directory + "/summary.md", "--write-baseline", directory + "/baseline.json",
            "--html", directory + "/report.html",
        ], environment: ["ELEVENLABS_API_KEY": key])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("$ELEVENLABS_API_KEY"), "curl lines name the variable")
        #expect(!(outcome.stdout + outcome.stderr).contains(key))
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("junit.xml") && files.contains("report.json") && files.contains("summary.md")
                && files.contains("report.html"))
        #expect(files.contains { $0.hasPrefix("corpus/") && $0.hasSuffix(".json") })
        for file in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + file, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            #expect(!text.contains(key), "\(file) holds the key")
        }
        let replay = try convfuzz(["replay", directory + "/corpus", "--target", server.baseURL], environment: ["ELEVENLABS_API_KEY": key])
        #expect(replay.status == 1)
        #expect(!(replay.stdout + replay.stderr).contains(key))
    }

    @Test func aDefaultEmbeddedRunPassesWithASummary() throws {
        let outcome = try convfuzz(["run", "--max-cases", "80", "--walks", "3", "--relations", "8", "--no-corpus"])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("PASS: no new findings (exit 0)"))
        #expect(outcome.stdout.contains("requests in"))
    }

    @Test func generateIsByteIdentical() throws {
        let first = try convfuzz(["generate", "--seed", "3", "--count", "25"])
        let second = try convfuzz(["generate", "--seed", "3", "--count", "25"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.split(separator: "\n").count == 25)
    }

    @Test func explainAndFaultsList() throws {
        let explain = try convfuzz(["explain", "cf-walk-dup"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("CF-WALK-DUP"))
        let unknown = try convfuzz(["explain", "CF-NOPE"])
        #expect(unknown.status == 2)
        let faults = try convfuzz(["faults"])
        #expect(faults.stdout.split(separator: "\n").count == ReferenceFault.allCases.count)
    }

    @Test func replayOfAMissingFileIsAUsageError() throws {
        let outcome = try convfuzz(["replay", "/nonexistent/entry.json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/nonexistent/entry.json"))
    }
}
