import ConvfuzzReferenceServer
import ConvfuzzResults
import ConvfuzzRunner
import ConvfuzzTestSupport
import Foundation
import Testing

/// Auth and tenancy as a user meets them: default runs check auth, corpus entries hold no key material.
@Suite("Auth on the command line", .serialized, .ownThreads)
struct AuthCommandLineTests {
    let cli = CommandLineTests()

    @Test func anAuthFindingIsStoredAsADescriptionAndReplaysFromTheCurrentKey() throws {
        let key = "sk_live_auth_5d4c3b2a19f8e7d6c5b4"
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(fault: .wrongKey500, apiKey: key))
        try server.start()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try cli.convfuzz([
            "run", "--target", server.baseURL, "--max-cases", "30", "--walks", "0", "--relations", "0",
            "--corpus", directory + "/corpus", "--json", directory + "/report.json",
        ], environment: ["ELEVENLABS_API_KEY": key])
        #expect(outcome.status == 1, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("[CF-AUTH-ERROR]"))
        #expect(outcome.stdout.contains("<$ELEVENLABS_API_KEY, wrong key"), "\(outcome.stdout)")
        let secrets = [key] + KeyVariant.plan(key: key, header: "xi-api-key", seed: 1)
            .compactMap { $0.credential(key: key, header: "xi-api-key")?.value }.filter { $0.count >= 8 }
        let files = CorpusStore(directory: directory + "/corpus").files()
        #expect(!files.isEmpty)
        for path in files + [directory + "/report.json"] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for secret in secrets { #expect(!text.contains(secret), "\(path) holds key material") }
        }
        let stored = try files.map { try CorpusStore.load(path: $0) }
        #expect(stored.contains { entry in
            if case .auth(_, _, let description) = entry.replay { return description.hasPrefix("wrong key") }
            return false
        })
        let replay = try cli.convfuzz(["replay", directory + "/corpus", "--target", server.baseURL],
                                      environment: ["ELEVENLABS_API_KEY": key])
        #expect(replay.status == 1, "\(replay.stdout)\n\(replay.stderr)")
        #expect(!(replay.stdout + replay.stderr).contains(key))
    }

    @Test func theDefaultRunChecksAuthAndASecondKeyChecksTenancy() throws {
        let plain = try cli.convfuzz(["run", "--max-cases", "20", "--walks", "0", "--relations", "0", "--no-corpus",
                                      "--fault", "missing-key-accepted"])
        #expect(plain.status == 1, "\(plain.stdout)\n\(plain.stderr)")
        #expect(plain.stdout.contains("[CF-AUTH-BYPASS] no xi-api-key header was accepted"), "\(plain.stdout)")
        let tenancy = try cli.convfuzz(["run", "--max-cases", "20", "--walks", "0", "--relations", "0", "--no-corpus",
                                        "--second-key-env", "OTHER_WORKSPACE_KEY", "--fault", "cross-workspace-agent-leak"])
        #expect(tenancy.status == 1, "\(tenancy.stdout)\n\(tenancy.stderr)")
        #expect(tenancy.stdout.contains("[CF-TENANT-OWNER]"))
        #expect(tenancy.stdout.contains("$OTHER_WORKSPACE_KEY"))
        #expect(tenancy.stdout.contains("tenancy: "))
        for seed in [UInt64(1)] {
            for index in 0...1 { #expect(!(tenancy.stdout + tenancy.stderr).contains(GeneratedKey.make(seed: seed, workspace: index))) }
        }
    }

    @Test func misusedSecondKeysAreOneLineUsageErrors() throws {
        let serve = try cli.convfuzz(["serve", "--second-key-env", "B"])
        #expect(serve.status == 2)
        #expect(serve.stderr.contains("--second-key-env needs --api-key-env"), "\(serve.stderr)")
        let unset = try cli.convfuzz(["run", "--target", "http://127.0.0.1:9", "--second-key-env", "UNSET_SECOND_KEY_VAR"],
                                     environment: ["ELEVENLABS_API_KEY": "k1"])
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("--second-key-env UNSET_SECOND_KEY_VAR: the variable is not set"), "\(unset.stderr)")
        let same = try cli.convfuzz(["run", "--target", "http://127.0.0.1:9", "--second-key-env", "SAME_KEY_VAR"],
                                    environment: ["ELEVENLABS_API_KEY": "k1", "SAME_KEY_VAR": "k1"])
        #expect(same.status == 2)
        #expect(!same.stderr.contains("k1\n") && same.stderr.contains("must be another workspace's"), "\(same.stderr)")
    }
}
