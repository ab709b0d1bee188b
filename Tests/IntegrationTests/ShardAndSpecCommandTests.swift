import ConvfuzzResults
import ConvfuzzTestSupport
import Foundation
import Testing

/// `run --shard`, `merge`, `spec import` and `spec diff` as a user runs them.
@Suite("Shard, merge and OpenAPI commands", .serialized, .ownThreads)
struct ShardAndSpecCommandTests {
    let cli = CommandLineTests()
    static let openAPI = Harness.root + "/specs/openapi/elevenlabs-list-conversations.openapi.json"

    @Test func shardsMergeIntoOneVerdictAndBadSetsAreRefused() throws {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let common = ["run", "--fault", "page-size-plus-one", "--seed", "3", "--max-cases", "80", "--walks", "2",
                      "--relations", "6", "--no-corpus", "--quiet", "--server-size", "200"]
        for index in 1...2 {
            let outcome = try cli.convfuzz(common + ["--shard", "\(index)/2", "--json", "\(directory)/s\(index).json"])
            #expect([0, 1].contains(outcome.status), "\(outcome.stderr)")
        }
        let merged = try cli.convfuzz(["merge", "\(directory)/s1.json", "\(directory)/s2.json", "--junit", "\(directory)/j.xml",
                                       "--markdown", "\(directory)/m.md", "--json", "\(directory)/m.json"])
        #expect(merged.status == 1, "\(merged.stdout)\(merged.stderr)")
        #expect(merged.stdout.contains("CF-PAGE-SIZE"))
        for file in ["j.xml", "m.md", "m.json"] { #expect(FileManager.default.fileExists(atPath: "\(directory)/\(file)")) }
        let report = try String(contentsOfFile: "\(directory)/m.json", encoding: .utf8)
        #expect(report.contains("\"done\": \"0-79/1\""), "merged cases 0...79")

        let twice = try cli.convfuzz(["merge", "\(directory)/s1.json", "\(directory)/s1.json"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("shard 1/2 is also") && twice.stderr.split(separator: "\n").count == 1)
        let missing = try cli.convfuzz(["merge", "\(directory)/s2.json"])
        #expect(missing.status == 2 && missing.stderr.contains("shard 1/2 missing"))
        try Data("{\"format\": 1, \"result\": {\"seed\"".utf8).write(to: URL(fileURLWithPath: "\(directory)/broken.json"))
        let broken = try cli.convfuzz(["merge", "\(directory)/s1.json", "\(directory)/broken.json"])
        #expect(broken.status == 2 && broken.stderr.contains("\(directory)/broken.json: not valid JSON"))
        let other = try cli.convfuzz(common + ["--shard", "2/2", "--seed", "4", "--json", "\(directory)/o.json"])
        #expect([0, 1].contains(other.status))
        let mixed = try cli.convfuzz(["merge", "\(directory)/s1.json", "\(directory)/o.json"])
        #expect(mixed.status == 2 && mixed.stderr.contains("seed 4 differs"))

        let badShard = try cli.convfuzz(["run", "--shard", "3/2"])
        #expect(badShard.status == 2 && badShard.stderr.contains("--shard must be I/N"))
    }

    @Test func importDiffAndLintAnOpenAPIDocument() throws {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let diff = try cli.convfuzz(["spec", "diff", "specs/list-conversations.yaml", Self.openAPI])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("parameters in the document, not in the spec (16):"))
        #expect(diff.stdout.contains("  + include_invalid_tool_calls\n"))

        let draft = "\(directory)/draft.yaml"
        let imported = try cli.convfuzz(["spec", "import", Self.openAPI, "--path", "/v1/convai/conversations", "--out", draft])
        #expect(imported.status == 0, "\(imported.stderr)")
        let lint = try cli.convfuzz(["spec", "lint", draft])
        #expect(lint.status == 2)
        #expect(lint.stderr.range(of: "^\(draft):[0-9]+: .*TODO", options: .regularExpression) != nil, "\(lint.stderr)")

        let document = try cli.convfuzz(["spec", "lint", Self.openAPI])
        #expect(document.status == 2 && document.stderr.contains("this is an OpenAPI document") && !document.stderr.contains("unknown key"))

        let nowhere = try cli.convfuzz(["spec", "import", Self.openAPI, "--path", "/v2/nothing"])
        #expect(nowhere.status == 2 && nowhere.stderr.contains("no path '/v2/nothing'"))
        let notFound = try cli.convfuzz(["spec", "import", "/nonexistent.json", "--path", "/x"])
        #expect(notFound.status == 2 && notFound.stderr.contains("/nonexistent.json: cannot read the file"))
    }

    /// `spec import|diff` run convfuzz-openapi: its help and usage errors reach the user as convfuzz's own.
    @Test func importAndDiffHandTheirArgumentsToConvfuzzOpenAPI() throws {
        let help = try cli.convfuzz(["spec", "import", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: convfuzz spec import <document> --path <path>"), "\(help.stdout)")
        let diffHelp = try cli.convfuzz(["spec", "diff", "-h"])
        #expect(diffHelp.status == 0 && diffHelp.stdout.contains("--method <method>"), "\(diffHelp.stdout)")
        let missing = try cli.convfuzz(["spec", "import", Self.openAPI])
        #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '--path <path>'"), "\(missing.stderr)")
        let unknown = try cli.convfuzz(["spec", "diff", "specs/list-conversations.yaml", Self.openAPI, "--bogus"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--bogus"), "\(unknown.stderr)")
    }

    /// A convfuzz without convfuzz-openapi beside it (e.g. built by `make run` alone) says what to build.
    @Test func withoutConvfuzzOpenAPIImportSaysWhatToBuild() throws {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: Binary.path, toPath: directory + "/convfuzz")
        let outcome = try Binary.start(["spec", "import", Self.openAPI, "--path", "/x"], environment: ["PATH": "/usr/bin:/bin"],
                                       in: directory, executable: directory + "/convfuzz").finish()
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("runs convfuzz-openapi, which is neither beside \(directory)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("make build"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }
}
