import ConvfuzzReferenceServer
import ConvfuzzRunner
import ConvfuzzTestSupport
import Foundation
import Testing

/// Issue 19, through the binary as a new user runs it: corpus entries know their target, secrets never
/// show, `serve` and `run` agree, `walk` is a first-class command, profiles are checked, and the sharp
/// edges of the first hour are gone. Each run is small (a few hundred cases, seconds).
@Suite("Trust: findings kept, secrets hidden, first-hour edges", .ownThreads)
struct TrustTests {
    static let small = ["--max-cases", "150", "--walks", "2", "--relations", "8", "--time-budget", "20"]

    /// A reference server of its own, optionally with a fault and a required key.
    static func server(fault: ReferenceFault? = nil, key: String? = nil) throws -> ReferenceServer {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: fault, apiKey: key))
        try server.start()
        return server
    }

    /// The base URL with `user:password@` after the scheme.
    static func withCredentials(_ url: String, _ userinfo: String) -> String {
        url.replacingOccurrences(of: "://", with: "://\(userinfo)@")
    }

    // MARK: 1. Corpus origin

    /// The issue's scenario: findings made against a remote target are not deleted by a `corpus prune`
    /// that names no target (it replays them where they were found, where they still fail); naming
    /// another target is refused (exit 2) unless --force; an old entry without origin is kept.
    @Test func pruneNeverDeletesFindingsOfAnotherTarget() throws {
        let faulty = try Self.server(fault: .pageSizePlusOne, key: "sk-origin-key-123")
        defer { faulty.stop() }
        let clean = try Self.server(key: "sk-origin-key-123")
        defer { clean.stop() }
        let folder = Harness.temporaryDirectory()
        let env = ["ELEVENLABS_API_KEY": "sk-origin-key-123"]
        let target = Self.withCredentials(faulty.baseURL, "ci:gw-pass-42")
        let run = try Binary.run(["run", "--target", target] + Self.small, environment: env, in: folder)
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        let store = CorpusStore(directory: folder + "/corpus")
        let files = store.files()
        #expect(!files.isEmpty)
        for file in files {
            let entry = try CorpusStore.load(path: file)
            let origin = try #require(entry.origin, "\(file) records no origin")
            #expect(origin.target == faulty.baseURL, "the target without credentials: \(origin.target)")
            #expect(origin.apiKeyEnv == "ELEVENLABS_API_KEY")
            #expect(origin.specFingerprint == entry.specFingerprint)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("gw-pass-42") && !text.contains("sk-origin-key-123"), "\(file) holds a secret")
        }

        let prune = try Binary.run(["corpus", "prune"], environment: env, in: folder)
        #expect(prune.status == 0, "\(prune.stdout)\n\(prune.stderr)")
        #expect(prune.stderr.contains("against \(faulty.baseURL), where"), "\(prune.stderr)")
        #expect(prune.stdout.contains("0 of \(files.count) entries pruned"), "\(prune.stdout)")
        #expect(store.files() == files, "nothing was deleted")

        let elsewhere = try Binary.run(["corpus", "prune", "--target", clean.baseURL], environment: env, in: folder)
        #expect(elsewhere.status == 2, "\(elsewhere.stdout)\n\(elsewhere.stderr)")
        #expect(elsewhere.stdout.contains("it was found on \(faulty.baseURL), not on \(clean.baseURL)"), "\(elsewhere.stdout)")
        #expect(elsewhere.stderr.contains("deleted nothing"))
        #expect(store.files() == files)

        // An entry written before origins were recorded: kept by a default prune, refused for a named target.
        var legacy = try CorpusStore.load(path: files[0])
        legacy.origin = nil
        legacy.signature += "-legacy"
        let legacyFile = try store.save(legacy)
        let keptLegacy = try Binary.run(["corpus", "prune", "--dry-run"], environment: env, in: folder)
        #expect(keptLegacy.status == 0)
        #expect(keptLegacy.stdout.contains("keep   \(("corpus/" as NSString).appendingPathComponent((legacyFile as NSString).lastPathComponent)): it records no origin"),
                "\(keptLegacy.stdout)")

        // With --force against the clean target, what passes there is deleted.
        let forced = try Binary.run(["corpus", "prune", "--target", clean.baseURL, "--force"], environment: env, in: folder)
        #expect(forced.status == 0, "\(forced.stdout)\n\(forced.stderr)")
        #expect(store.files().isEmpty, "\(forced.stdout)")
    }

    /// `replay` without a target goes to the entry's own target.
    @Test func replayDefaultsToTheTargetAnEntryWasFoundOn() throws {
        let folder = Harness.temporaryDirectory()
        let run = try Binary.run(["run", "--fault", "page-size-plus-one"] + Self.small, in: folder)
        #expect(run.status == 1)
        let replay = try Binary.run(["replay", "corpus"], in: folder)
        #expect(replay.status == 1, "still failing on the faulty embedded server it was found on: \(replay.stdout)\n\(replay.stderr)")
        #expect(replay.stderr.contains("fault page-size-plus-one"))
        let fixed = try Binary.run(["replay", "corpus", "--target", "http://127.0.0.1:9"], in: folder)
        #expect(fixed.status == 3, "a named target is used: \(fixed.stderr)")
    }

    // MARK: 2. Redaction

    /// A distinct secret in every place a user can pass one: the key, the second key, the URL's user
    /// and password, a value of a parameter the user marks secret (walk) and a value of one the spec
    /// marks secret (via a profile pool). None appears in any output, report or corpus file.
    @Test func noPlantedSecretAppearsAnywhere() throws {
        let key = "sk-planted-KEY-0a1b2c"
        let second = "sk-planted-SECOND-3d4e5f"
        let user = "planteduser"
        let password = "planted-PASS-6g7h"
        let searchSecret = "planted-search-term-8i9j"
        let agentSecret = "agent_planted_0k1l"
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .pageSizePlusOne, apiKey: key,
                                                                                       secondAPIKey: second))
        try server.start()
        defer { server.stop() }
        let folder = Harness.temporaryDirectory()
        let specText = try String(contentsOfFile: Harness.specPath, encoding: .utf8) + "\nsecrets:\n  parameters: [search]\n"
        try specText.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        try "convfuzz_profile: 1\npools:\n  search: [\"\(searchSecret)\"]\n".write(toFile: folder + "/profile.yaml", atomically: true, encoding: .utf8)
        let env = ["ELEVENLABS_API_KEY": key, "SECOND_KEY": second]
        let target = Self.withCredentials(server.baseURL, "\(user):\(password)")
        var outputs: [String] = []
        let run = try Binary.run(["run", "--target", target, "--spec", "spec.yaml", "--profile", "profile.yaml",
                                  "--second-key-env", "SECOND_KEY", "--json", "out/r.json", "--junit", "out/r.xml",
                                  "--markdown", "out/r.md", "--html", "out/r.html", "--verbose"] + Self.small,
                                 environment: env, in: folder)
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        outputs += [run.stdout, run.stderr]
        let walk = try Binary.run(["walk", "--target", target, "--secret-param", "agent_id", "--param", "agent_id=\(agentSecret)",
                                   "--max-pages", "3"], environment: env, in: folder)
        outputs += [walk.stdout, walk.stderr]
        let unreachable = try Binary.run(["run", "--target", Self.withCredentials("http://127.0.0.1:9", "\(user):\(password)")],
                                         environment: env, in: folder)
        #expect(unreachable.status == 3)
        outputs += [unreachable.stdout, unreachable.stderr]
        let prune = try Binary.run(["corpus", "prune", "--dry-run"], environment: env, in: folder)
        outputs += [prune.stdout, prune.stderr]
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasPrefix("out/") || file.hasPrefix("corpus/") {
            outputs.append((try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? "")
        }
        #expect(files.contains { $0.hasPrefix("corpus/") && $0.hasSuffix(".json") }, "a corpus entry was written")
        for secret in [key, second, user, password, "\(user):\(password)", searchSecret, agentSecret] {
            for (index, text) in outputs.enumerated() {
                #expect(!text.contains(secret), "output \(index) shows \(secret):\n\(text.prefix(3000))")
            }
        }
    }

    // MARK: 3. serve and run agree

    /// `serve`'s first help example, then `run`'s example against it, with and without the key set:
    /// the first line says whether auth is on, and the run passes.
    @Test(arguments: [true, false])
    func serveAndRunAgreeOutOfTheBox(keySet: Bool) throws {
        let serveHelp = try Binary.run(["serve", "--help"]).stdout
        let runHelp = try Binary.run(["run", "--help"]).stdout
        func examples(_ help: String) -> [String] {
            (help.components(separatedBy: "EXAMPLES:\n").last ?? "").split(separator: "\n").map {
                String($0.split(separator: "#")[0]).trimmingCharacters(in: .whitespaces)
            }
        }
        let serveExample = try #require(examples(serveHelp).first { $0.contains("--port 8080") })
        let runExample = try #require(examples(runHelp).first { $0.contains("--target http://127.0.0.1:8080") })
        let env = keySet ? ["ELEVENLABS_API_KEY": "sk-serve-run-agree-1"] : [:]
        let serveArguments = serveExample.split(separator: " ").dropFirst().map { $0 == "8080" ? "0" : String($0) }
        let server = try Binary.start(serveArguments, environment: env)
        defer {
            server.send(SIGTERM)
            _ = server.finish()
        }
        let first = try #require(server.firstStdoutLine(timeout: 10), "serve printed nothing: \(server.stderrSoFar)")
        #expect(first.contains(keySet ? "auth on" : "auth off"), "\(first)")
        let url = try #require(first.split(separator: " ").first { $0.hasPrefix("http://") }.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) })
        let port = try #require(url.split(separator: ":").last)
        let folder = Harness.temporaryDirectory()
        let runArguments = runExample.split(separator: " ").dropFirst().map { String($0).replacingOccurrences(of: "8080", with: String(port)) }
        let run = try Binary.run(runArguments + ["--time-budget", "30"], environment: env, in: folder)
        #expect(run.status == 0, "\(run.stdout.suffix(2000))\n\(run.stderr)")
        #expect(!run.stdout.contains("CF-AUTH-BYPASS"))
    }

    // MARK: 4. walk

    /// `walk`'s help examples that need no key pass on the embedded server, say how they ended in a
    /// sentence, and an invalid query exits 2 before any request.
    @Test func walkExamplesPassAndExitCodesFollowRun() throws {
        let help = try Binary.run(["walk", "--help"]).stdout
        let examples = (help.components(separatedBy: "EXAMPLES:\n").last ?? "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("convfuzz walk") }
        #expect(examples.count >= 2)
        for example in examples {
            let outcome = try Binary.run(example.split(separator: " ").dropFirst().map(String.init))
            #expect(outcome.status == 0, "\(example): \(outcome.stdout)\n\(outcome.stderr)")
            #expect(!outcome.stdout.contains("CF-WALK-LOOP"), "\(example): \(outcome.stdout)")
            #expect(!outcome.stdout.contains("pageLimit(") && !outcome.stdout.contains("completed"), "\(outcome.stdout)")
            #expect(outcome.stdout.contains("PASS"))
        }
        let invalid = try Binary.run(["walk", "--param", "page_size=abc"])
        #expect(invalid.status == 2, "\(invalid.stdout)\n\(invalid.stderr)")
        #expect(invalid.stderr.contains("is invalid under the spec") && !invalid.stdout.contains("failed("))
        let unreachable = try Binary.run(["walk", "--target", "http://127.0.0.1:9"])
        #expect(unreachable.status == 3)
    }

    // MARK: 5. Profiles

    /// A profile is checked like a spec: file:line and exit 2 for the issue's three typos.
    @Test func profileTyposAreErrorsWithALine() throws {
        let folder = Harness.temporaryDirectory()
        let cases: [(String, String)] = [
            ("pools:\n  agent_id: 42\n", "profile.yaml:3: profile.pools.agent_id must be a list"),
            ("pools:\n  topic_id: [t1]\n", "profile.yaml:3: unknown pool 'topic_id' in profile.pools (did you mean 'topic_ids'?)"),
            ("pools:\n  user_ids: [u1]\n", "profile.yaml:3: unknown pool 'user_ids' in profile.pools (did you mean 'user_id'?)"),
            ("pools:\n  duration: [\"abc\"]\n", "profile.yaml:3: profile.pools.duration feeds integer parameters, so 'abc' does not fit"),
            ("poolz:\n  duration: [1]\n", "profile.yaml:2: unknown key 'poolz' in profile (did you mean 'pools'?"),
        ]
        for (body, message) in cases {
            try ("convfuzz_profile: 1\n" + body).write(toFile: folder + "/profile.yaml", atomically: true, encoding: .utf8)
            let outcome = try Binary.run(["run", "--profile", "profile.yaml", "--no-corpus", "--max-cases", "5"], in: folder)
            #expect(outcome.status == 2, "\(body)")
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        }
    }

    // MARK: 7. Sharp edges

    @Test func firstHourEdges() throws {
        let query = try Binary.run(["run", "--target", "http://127.0.0.1:8080?token=s3cret-q"])
        #expect(query.status == 2 && query.stderr.contains("has a query string") && !query.stderr.contains("s3cret-q"), "\(query.stderr)")
        let scheme = try Binary.run(["run", "--target", "ftp://example.com"])
        #expect(scheme.status == 2 && scheme.stderr.contains("uses the ftp: scheme"), "\(scheme.stderr)")
        let started = Date()
        let sys = try Binary.run(["run", "--no-corpus", "--json", "/sys/convfuzz-report.json"])
        #expect(sys.status == 2 && sys.stderr.contains("--json /sys/convfuzz-report.json"), "\(sys.stderr)")
        #expect(!sys.stdout.contains("requests in"), "refused before the run")
        #expect(Date().timeIntervalSince(started) < 5)
        let profileHelp = try Binary.run(["profile", "init", "--help"])
        #expect(!profileHelp.stdout.contains("\\"), "\(profileHelp.stdout)")
        let serveHelp = try Binary.run(["serve", "--help"]).stdout
        let faultHelp = serveHelp.components(separatedBy: "--fault").dropFirst().first?.prefix(200) ?? ""
        #expect(faultHelp.contains("convfuzz faults`") && !faultHelp.contains("faults --chaos`"), "\(faultHelp)")
    }

    /// Entries written by an interrupted run carry `status: unconfirmed`; a later confirmed run clears it.
    @Test func interruptedEntriesAreMarkedUnconfirmed() throws {
        let folder = Harness.temporaryDirectory()
        let running = try Binary.start(["run", "--fault", "page-size-plus-one", "--max-cases", "200000", "--time-budget", "60"], in: folder)
        #expect(running.waitForStderr("finding:", timeout: 30), "\(running.stderrSoFar)")
        running.send(SIGINT)
        let outcome = running.finish()
        #expect(outcome.status == 130, "\(outcome.stdout.suffix(1500))\n\(outcome.stderr.suffix(1500))")
        func entries() throws -> [CorpusEntry] {
            try CorpusStore(directory: folder + "/corpus").files().map { try CorpusStore.load(path: $0) }
        }
        let interrupted = try entries()
        #expect(!interrupted.isEmpty)
        let statuses = interrupted.map(\.status)
        let allMarked = interrupted.allSatisfy { $0.isUnconfirmed }
        #expect(allMarked, "\(statuses)")
        let confirmed = try Binary.run(["run", "--fault", "page-size-plus-one"] + Self.small, in: folder)
        #expect(confirmed.status == 1)
        let after = try entries()
        #expect(after.contains { !$0.isUnconfirmed }, "a confirmed finding's entry loses the mark")
    }
}
