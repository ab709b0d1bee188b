import ConvfuzzTestSupport
import Foundation
import Testing

/// `--version`, `spec show`, and help pages that end with examples that work.
@Suite("Help and version", .serialized, .ownThreads)
struct HelpAndVersionTests {
    static let commands: [[String]] = [
        [], ["run"], ["replay"], ["walk"], ["generate"], ["serve"], ["spec"], ["spec", "show"], ["spec", "lint"],
        ["profile"], ["profile", "init"], ["explain"], ["corpus"], ["corpus", "list"], ["corpus", "prune"], ["faults"],
    ]

    @Test func versionNamesTheEmbeddedSpecRevision() throws {
        let spec = try String(contentsOfFile: Harness.specPath, encoding: .utf8)
        let revision = try #require(spec.split(separator: "\n").first { $0.hasPrefix("revision:") })
            .dropFirst("revision:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \""))
        let outcome = try Binary.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("convfuzz "))
        #expect(outcome.stdout.contains("revision \(revision)"), "\(outcome.stdout)")
    }

    @Test func specShowPrintsTheEmbeddedSpecFromAnyFolder() throws {
        let outcome = try Binary.run(["spec", "show"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try String(contentsOfFile: Harness.specPath, encoding: .utf8)))
    }

    @Test func everyHelpPageEndsWithExamples() throws {
        for command in Self.commands {
            let outcome = try Binary.run(command + ["--help"])
            #expect(outcome.status == 0, "\(command)")
            let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = try #require(lines.lastIndex(of: "EXAMPLES:"), "\(command) --help has no examples")
            let examples = lines[(header + 1)...].filter { !$0.isEmpty }
            #expect((2...3).contains(examples.count), "\(command): \(examples)")
            #expect(examples.allSatisfy { $0.hasPrefix("  ") && $0.contains("convfuzz ") }, "\(command)")
            #expect(lines[(header + 1)...].allSatisfy { $0.isEmpty || $0.hasPrefix("  ") }, "examples end the page")
        }
    }

    /// Runs the examples that need no key, no server and no corpus; each must succeed as written.
    @Test func theSelfContainedExamplesWork() throws {
        var ran = 0
        for command in Self.commands {
            let help = try Binary.run(command + ["--help"]).stdout
            let examples = help.components(separatedBy: "EXAMPLES:\n").last?.split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            } ?? []
            for example in examples where ["convfuzz explain", "convfuzz faults", "convfuzz generate", "convfuzz spec show",
                                           "convfuzz corpus list"].contains(where: example.hasPrefix)
                && !example.contains("&&") && !example.contains(">") {
                let arguments = example.split(separator: " ").dropFirst().map(String.init)
                let outcome = try Binary.run(arguments)
                #expect(outcome.status == 0, "\(example): \(outcome.stderr)")
                ran += 1
            }
        }
        #expect(ran >= 6)
    }

    @Test func runWorksFromAFolderOutsideTheCheckoutWithTheEmbeddedSpec() throws {
        let directory = Harness.temporaryDirectory()
        let outcome = try Binary.run(["run", "--no-corpus"] + Binary.small, environment: ["TERM": "dumb"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("PASS: no new findings (exit 0)"))
        #expect(!outcome.stderr.contains("\u{1B}"), "no escape codes with TERM=dumb")
        #expect(!outcome.stdout.contains("\u{1B}"))
    }
}
