import ConvfuzzReferenceServer
import ConvfuzzTestSupport
import Foundation
import Testing

/// docs/walkthrough.md, run as written: its `sh` blocks in order, in one shell, from an empty folder
/// outside the checkout, with `convfuzz` on the PATH and a free port in `PORT`.
@Suite("Walkthrough", .ownThreads)
struct WalkthroughTests {
    /// A port nothing listens on now (a server on port 0 is asked which it got, then stopped).
    static func freePort() throws -> Int {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration(port: 0))
        try server.start()
        defer { server.stop() }
        return Int(server.baseURL.split(separator: ":").last ?? "0") ?? 0
    }

    @Test func theWalkthroughRunsAsWritten() throws {
        let text = try String(contentsOfFile: Harness.root + "/docs/walkthrough.md", encoding: .utf8)
        let blocks = text.components(separatedBy: "```sh\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
        #expect(blocks.count >= 6)
        let script = blocks.joined(separator: "\n")
        for command in ["convfuzz run", "convfuzz serve", "convfuzz walk", "convfuzz profile init", "convfuzz corpus prune",
                        "convfuzz replay", "convfuzz merge"] {
            #expect(script.contains(command), "the walkthrough shows \(command)")
        }
        let bin = Harness.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: bin + "/convfuzz", withDestinationPath: Binary.path)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let folder = Harness.temporaryDirectory()
        let outcome = try Binary.start(["-e", "-c", script], environment: ["PATH": path, "PORT": String(try Self.freePort())],
                                       in: folder, executable: "/bin/sh").finish()
        let output = outcome.stdout + outcome.stderr
        #expect(outcome.status == 0, "\(output.suffix(4000))")
        #expect(output.contains("PASS: no new findings (exit 0)"), "the quick start passes")
        #expect(output.contains("auth on"), "serve says auth is on")
        #expect(output.contains("0 of ") && output.contains(" entries pruned"), "the first prune keeps every entry")
        #expect(output.contains("The walk was stopped after 20 pages as asked"), "\(output.suffix(3000))")
        let corpus = folder + "/convfuzz-try/corpus"
        #expect(CorpusStoreProbe.count(corpus) == 0, "the second prune deleted what passes on the fixed target")
        #expect(FileManager.default.fileExists(atPath: folder + "/convfuzz-try/out/summary.md"))
        #expect(!output.contains("sk-walkthrough-0123456789"), "the key is never printed")
    }
}

/// Counts corpus entries without the runner module.
enum CorpusStoreProbe {
    static func count(_ folder: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.count
    }
}
