import ConvfuzzReferenceServer
import ConvfuzzTestSupport
import Foundation
import Testing
import Yams

/// The README's staging commands and both CI recipes in docs/ci.md, run as written against the embedded
/// server from an empty folder (a fresh checkout without the repository's specs).
///
/// Supplied, as a CI system or a user would: the target URL, the secret, the CI's own variables
/// (run number, step-summary file) and, to keep the test short, the recipes' two tuning variables
/// (`CONVFUZZ_TIME_BUDGET`, `CONVFUZZ_RATE_LIMIT`). The build step must be `swift build -c release`;
/// the test links `.build/release/convfuzz` to the binary it built instead of building again.
@Suite("CI recipes", .serialized, .ownThreads)
struct CIRecipeTests {
    static let secret = "sk_ci_recipe_secret_0123456789"
    static let tuning = ["CONVFUZZ_TIME_BUDGET": "12", "CONVFUZZ_RATE_LIMIT": "500/s"]

    /// A folder standing in for a fresh checkout: only `.build/release/convfuzz`.
    static func checkout() throws -> String {
        let directory = Harness.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/.build/release", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/.build/release/convfuzz", withDestinationPath: Binary.path)
        return directory
    }

    /// The fenced blocks of a language in a Markdown file, in order.
    static func blocks(_ language: String, in file: String) throws -> [String] {
        let text = try String(contentsOfFile: Harness.root + "/" + file, encoding: .utf8)
        var blocks: [String] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(String(line))
            }
        }
        return blocks
    }

    /// Runs one shell step with `sh -e` and returns its status and output.
    static func shell(_ script: String, environment: [String: String], in directory: String) throws -> Binary.Outcome {
        try Binary.start(["-e", "-c", script], environment: environment, in: directory, executable: "/bin/sh").finish()
    }

    /// A reference server that requires the secret.
    static func server() throws -> ReferenceServer {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(apiKey: secret))
        try server.start()
        return server
    }

    /// Checks what every recipe leaves behind.
    static func expectArtefacts(in directory: String, paths: [String], junit: [String]) throws {
        #expect(paths.contains("out/"), "the reports folder is kept")
        for path in paths where path != "corpus/" {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + path), "artefact \(path)")
        }
        for file in ["out/summary.md", "out/report.json"] {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + file), "\(file)")
        }
        for report in junit {
            let text = try String(contentsOfFile: directory + "/" + report, encoding: .utf8)
            #expect(text.contains("<testsuites"), "\(report) is JUnit XML")
        }
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasPrefix("out/") || file.hasPrefix("convfuzz/") {
            let text = (try? String(contentsOfFile: directory + "/" + file, encoding: .utf8)) ?? ""
            #expect(!text.contains(secret), "\(file) holds the secret")
        }
    }

    @Test func theGitHubActionsRecipeRunsAsWritten() throws {
        let yaml = try #require(try Self.blocks("yaml", in: "docs/ci.md").first { $0.contains("runs-on:") })
        let workflow = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let job = try #require((workflow["jobs"] as? [String: Any])?["convfuzz"] as? [String: Any])
        #expect((job["container"] as? String)?.hasSuffix("-noble") == true)
        let steps = try #require(job["steps"] as? [[String: Any]])
        let server = try Self.server()
        defer { server.stop() }
        let directory = try Self.checkout()
        let summary = directory + "/step-summary.md"
        var jobEnvironment = (job["env"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
        jobEnvironment["STAGING_URL"] = server.baseURL
        for (key, value) in Self.tuning { jobEnvironment[key] = value }
        jobEnvironment["GITHUB_STEP_SUMMARY"] = summary
        var ran = 0
        var artefacts: [String] = []
        var junit: [String] = []
        for step in steps {
            if let with = step["with"] as? [String: Any] {
                if let path = with["path"] as? String { artefacts += path.split(separator: "\n").map(String.init) }
                if let reports = with["report_paths"] as? String { junit.append(reports) }
            }
            guard let run = step["run"] as? String else { continue }
            if run.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("swift build") {
                #expect(run.trimmingCharacters(in: .whitespacesAndNewlines) == "swift build -c release")
                continue
            }
            var environment = jobEnvironment
            for (key, value) in step["env"] as? [String: Any] ?? [:] {
                environment[key] = "\(value)"
                    .replacingOccurrences(of: "${{ secrets.ELEVENLABS_STAGING_KEY }}", with: Self.secret)
                    .replacingOccurrences(of: "${{ github.run_number }}", with: "17")
            }
            #expect(!environment.values.contains { $0.contains("${{") }, "every expression is supplied")
            let outcome = try Self.shell(run, environment: environment, in: directory)
            #expect(outcome.status == 0, "step \(step["name"] ?? run): \(outcome.stdout)\n\(outcome.stderr)")
            #expect(!(outcome.stdout + outcome.stderr).contains(Self.secret))
            ran += 1
        }
        #expect(ran == 2, "the fuzz and summary steps ran")
        #expect(FileManager.default.fileExists(atPath: directory + "/convfuzz/staging.yaml"), "the first run wrote a profile")
        #expect(try String(contentsOfFile: summary, encoding: .utf8).contains("convfuzz"))
        try Self.expectArtefacts(in: directory, paths: artefacts, junit: junit)
    }

    @Test func theGitLabRecipeRunsAsWritten() throws {
        let yaml = try #require(try Self.blocks("yaml", in: "docs/ci.md").first { $0.contains("artifacts:") })
        let file = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let job = try #require(file["convfuzz"] as? [String: Any])
        #expect((job["image"] as? String)?.hasSuffix("-noble") == true)
        let server = try Self.server()
        defer { server.stop() }
        let directory = try Self.checkout()
        // CI/CD variables the project defines, and the pipeline's own.
        let provided = ["ELEVENLABS_STAGING_KEY": Self.secret, "STAGING_URL": server.baseURL, "CI_PIPELINE_IID": "17"]
        var environment = provided
        for (key, value) in job["variables"] as? [String: Any] ?? [:] {
            var text = "\(value)"
            for (name, replacement) in provided { text = text.replacingOccurrences(of: "$" + name, with: replacement) }
            environment[key] = text
        }
        for (key, value) in Self.tuning { environment[key] = value }
        let script = try #require(job["script"] as? [String])
        #expect(script.first == "swift build -c release")
        for line in script.dropFirst() {
            let outcome = try Self.shell(line, environment: environment, in: directory)
            #expect(outcome.status == 0, "\(line): \(outcome.stdout)\n\(outcome.stderr)")
            #expect(!(outcome.stdout + outcome.stderr).contains(Self.secret))
        }
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        let paths = artifacts["paths"] as? [String] ?? []
        let junit = ((artifacts["reports"] as? [String: Any])?["junit"] as? String).map { [$0] } ?? []
        try Self.expectArtefacts(in: directory, paths: paths, junit: junit)
    }

    @Test func theReadmeStagingCommandsRunAsWritten() throws {
        let readme = try String(contentsOfFile: Harness.root + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Against staging").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "\n```").first)
        let server = try Self.server()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        let bin = Harness.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: bin + "/convfuzz", withDestinationPath: Binary.path)
        let script = block.replacingOccurrences(of: "ELEVENLABS_API_KEY=…", with: "ELEVENLABS_API_KEY=\(Self.secret)")
            .replacingOccurrences(of: "https://api.elevenlabs.io", with: server.baseURL)
        #expect(script != block && !script.contains("api.elevenlabs.io"))
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let outcome = try Self.shell(script, environment: ["PATH": path], in: directory)
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("PASS"))
        #expect(FileManager.default.fileExists(atPath: directory + "/staging.yaml"))
        #expect(FileManager.default.fileExists(atPath: directory + "/out/junit.xml"))
        #expect(FileManager.default.fileExists(atPath: directory + "/out/summary.md"))
        #expect(!(outcome.stdout + outcome.stderr).contains(Self.secret))
    }

    /// The tuning of the sharded recipes, kept small so the four shards run in seconds.
    static let shardTuning = ["CONVFUZZ_MAX_CASES": "200", "CONVFUZZ_RATE_LIMIT": "500/s"]

    /// The GitHub matrix recipe: each shard's job (fresh folder per job, sharing nothing but what the
    /// artefacts carry), then the merge job, as written; the profile the shards use must exist.
    @Test func theGitHubMatrixRecipeRunsAsWritten() throws {
        let yaml = try #require(try Self.blocks("yaml", in: "docs/ci.md").first { $0.contains("matrix:") })
        let workflow = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let shardJob = try #require(jobs["shard"] as? [String: Any])
        let mergeJob = try #require(jobs["merge"] as? [String: Any])
        let matrix = try #require(((shardJob["strategy"] as? [String: Any])?["matrix"] as? [String: Any])?["shard"] as? [Int])
        let server = try Self.server()
        defer { server.stop() }
        let mergeFolder = Harness.temporaryDirectory()
        for shard in matrix {
            let directory = Harness.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: directory + "/bin", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory + "/bin/convfuzz", withDestinationPath: Binary.path)
            var environment = (shardJob["env"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
            for (key, value) in environment {
                environment[key] = value.replacingOccurrences(of: "${{ matrix.shard }}", with: String(shard))
                    .replacingOccurrences(of: "${{ github.run_number }}", with: "17")
                    .replacingOccurrences(of: "${{ secrets.ELEVENLABS_STAGING_KEY }}", with: Self.secret)
            }
            environment["STAGING_URL"] = server.baseURL
            for (key, value) in Self.shardTuning { environment[key] = value }
            #expect(!environment.values.contains { $0.contains("${{") }, "every expression is supplied")
            for case let run? in (shardJob["steps"] as? [[String: Any]] ?? []).map({ $0["run"] as? String }) {
                let outcome = try Self.shell(run, environment: environment, in: directory)
                #expect(outcome.status == 0, "shard \(shard): \(outcome.stdout)\n\(outcome.stderr)")
                #expect(!(outcome.stdout + outcome.stderr).contains(Self.secret))
            }
            #expect(FileManager.default.fileExists(atPath: directory + "/convfuzz/staging.yaml"), "shard \(shard) wrote a profile")
            try FileManager.default.createDirectory(atPath: mergeFolder + "/out", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: directory + "/out/shard-\(shard).json", toPath: mergeFolder + "/out/shard-\(shard).json")
        }
        try FileManager.default.createDirectory(atPath: mergeFolder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: mergeFolder + "/bin/convfuzz", withDestinationPath: Binary.path)
        let summary = mergeFolder + "/step-summary.md"
        for case let run? in (mergeJob["steps"] as? [[String: Any]] ?? []).map({ $0["run"] as? String }) {
            let outcome = try Self.shell(run, environment: ["GITHUB_STEP_SUMMARY": summary], in: mergeFolder)
            #expect(outcome.status == 0, "merge: \(outcome.stdout)\n\(outcome.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: mergeFolder + "/out/junit.xml"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8).contains("convfuzz"))
    }

    /// The GitLab `parallel:` recipe: its shard script in one folder per node, then the merge script.
    @Test func theGitLabParallelRecipeRunsAsWritten() throws {
        let yaml = try #require(try Self.blocks("yaml", in: "docs/ci.md").first { $0.contains("parallel:") })
        let file = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let shardJob = try #require(file["convfuzz-shard"] as? [String: Any])
        let mergeJob = try #require(file["convfuzz-merge"] as? [String: Any])
        let total = try #require(shardJob["parallel"] as? Int)
        let server = try Self.server()
        defer { server.stop() }
        // One working folder, as GitLab hands the merge job every node's artefacts: the shards also
        // share corpus/ here, which their merge must survive.
        let directory = try Self.checkout()
        let script = try #require(shardJob["script"] as? [String])
        #expect(script.first == "swift build -c release")
        for node in 1...total {
            let provided = ["ELEVENLABS_STAGING_KEY": Self.secret, "STAGING_URL": server.baseURL, "CI_PIPELINE_IID": "17",
                            "CI_NODE_INDEX": String(node), "CI_NODE_TOTAL": String(total)]
            var environment = provided
            for (key, value) in shardJob["variables"] as? [String: Any] ?? [:] {
                var text = "\(value)"
                for (name, replacement) in provided { text = text.replacingOccurrences(of: "$" + name, with: replacement) }
                environment[key] = text
            }
            for (key, value) in Self.shardTuning { environment[key] = value }
            for line in script.dropFirst() {
                let outcome = try Self.shell(line, environment: environment, in: directory)
                #expect(outcome.status == 0, "node \(node): \(line): \(outcome.stdout)\n\(outcome.stderr)")
                #expect(!(outcome.stdout + outcome.stderr).contains(Self.secret))
            }
        }
        for line in mergeJob["script"] as? [String] ?? [] {
            let outcome = try Self.shell(line, environment: [:], in: directory)
            #expect(outcome.status == 0, "merge: \(line): \(outcome.stdout)\n\(outcome.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/out/junit.xml"))
        #expect(FileManager.default.fileExists(atPath: directory + "/out/summary.md"))
    }
}
