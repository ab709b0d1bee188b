import ConvfuzzReferenceServer
import ConvfuzzTestSupport
import Foundation
import Testing

/// Every "Bad input" row of issue 8, run through the binary from a folder outside the checkout.
@Suite("Bad input", .serialized, .ownThreads)
struct BadInputTests {
    /// An address nothing listens on: a run that reached traffic would exit 3, not 2.
    static let deadTarget = ["--target", "http://127.0.0.1:1", "--connect-timeout", "1", "--retries", "0"]

    // MARK: Reports written through

    @Test func aReportOnStandardOutputIsTheReportAlone() throws {
        let outcome = try Binary.run(["run", "--json", "-", "--no-corpus"] + Binary.small)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(json?["exitCode"] as? Int == 0)
        #expect(outcome.stderr.contains("PASS: no new findings (exit 0)"), "the summary moves to stderr")
    }

    @Test func devStdoutIsWrittenThroughNotReplaced() throws {
        let directory = Harness.temporaryDirectory()
        let link = directory + "/stdout-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdout")
        let outcome = try Binary.run(["run", "--junit", link, "--no-corpus"] + Binary.small, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("<testsuites"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/stdout", "the symlink survives")
        let direct = try Binary.run(["run", "--junit", "/dev/stdout", "--no-corpus"] + Binary.small, in: directory)
        #expect(direct.status == 0)
        #expect(direct.stdout.contains("<testsuites"))
    }

    @Test func aFIFOIsWrittenThroughAndItsReaderGetsTheReport() throws {
        let directory = Harness.temporaryDirectory()
        let fifo = directory + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = FIFOReader(path: fifo)
        let outcome = try Binary.run(["run", "--markdown", fifo, "--no-corpus"] + Binary.small, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(reader.text(timeout: 10).contains("convfuzz"), "the reader got the summary")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }

    @Test func aSymlinkedReportUpdatesItsTargetAndStaysALink() throws {
        let directory = Harness.temporaryDirectory()
        try "old".write(toFile: directory + "/real.json", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.json", withDestinationPath: "real.json")
        let outcome = try Binary.run(["run", "--json", "link.json", "--no-corpus"] + Binary.small, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.json") == "real.json")
        #expect(try String(contentsOfFile: directory + "/real.json", encoding: .utf8).contains("\"exitCode\""))
    }

    // MARK: Destinations refused before any request

    @Test func twoReportsOnStandardOutputExit2BeforeAnyRequest() throws {
        let outcome = try Binary.run(["run", "--json", "-", "--markdown", "-"] + Self.deadTarget)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("only one report can go to standard output"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func impossibleReportPathsExit2WithOneLineNamingThem() throws {
        let directory = Harness.temporaryDirectory()
        try "x".write(toFile: directory + "/some-file", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/a-folder", withIntermediateDirectories: true)
        let cases: [(arguments: [String], names: String)] = [
            (["--junit", "/nonexistent-convfuzz/dir/x.xml"], "/nonexistent-convfuzz"),
            (["--junit", "some-file/x.xml"], "some-file"),
            (["--json", "a-folder"], "a-folder"),
            (["--markdown", "/dev/null/x.md"], "/dev/null"),
            (["--corpus", "some-file"], "some-file"),
            (["--write-baseline", "/nonexistent-convfuzz/b.json"], "/nonexistent-convfuzz"),
        ]
        for (arguments, name) in cases {
            let outcome = try Binary.run(["run"] + arguments + Self.deadTarget, in: directory)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains(name), "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stdout.contains("PASS"), "no verdict before the error")
            for text in Binary.foreignErrorText { #expect(!outcome.stderr.contains(text)) }
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-convfuzz"), "nothing created at the root")
    }

    @Test func aMissingFolderBelowTheCurrentOneIsCreated() throws {
        let directory = Harness.temporaryDirectory()
        let outcome = try Binary.run(["run", "--junit", "out/deep/junit.xml", "--no-corpus"] + Binary.small, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/out/deep/junit.xml"))
    }

    // MARK: Misconfigured targets

    @Test func aTargetWithThePathExits3WithAHintAndNoCorpus() throws {
        let server = try ReferenceServer(configuration: ReferenceServerConfiguration())
        try server.start()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        let outcome = try Binary.run(["run", "--target", server.baseURL + "/v1"], in: directory)
        #expect(outcome.status == 3, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("HTTP 404"))
        #expect(outcome.stderr.contains("must not include the path"))
        #expect(outcome.stderr.contains("--target \(server.baseURL)"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/corpus"), "no corpus entry")
        #expect(!outcome.stdout.contains("FAIL"))
    }

    @Test func aNonAPIServerExits3WithWhatWasSeen() throws {
        let server = try HTMLServer()
        defer { server.stop() }
        let directory = Harness.temporaryDirectory()
        let outcome = try Binary.run(["run", "--target", server.baseURL], in: directory)
        #expect(outcome.status == 3, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stderr.contains("HTML page"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("base URL"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/corpus"))
        #expect(server.requestCount <= 4, "the run stopped at the preflight (\(server.requestCount) requests)")
    }

    // MARK: Signals

    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, Int32(143), "SIGTERM")])
    func aSignalMidRunKeepsEveryFinding(signal: Int32, code: Int32, name: String) throws {
        let directory = Harness.temporaryDirectory()
        let running = try Binary.start(["run", "--fault", "page-size-plus-one", "--json", "out/report.json",
                                        "--junit", "out/junit.xml"], in: directory)
        #expect(running.waitForStderr("finding:", timeout: 60), "a finding before the signal")
        running.send(signal)
        let started = Date()
        let outcome = running.finish()
        #expect(Date().timeIntervalSince(started) < 10, "wound down promptly")
        #expect(outcome.status == code, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("INTERRUPTED by \(name)"))
        #expect(outcome.stdout.contains("(exit \(code))"), "the verdict states the exit code")
        #expect(outcome.stdout.contains("stopped early: interrupted by \(name)"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/out/report.json")))
            as? [String: Any]
        #expect(report?["exitCode"] as? Int == Int(code))
        // result.findings holds one entry per root-cause group; the findings are its members.
        let groups = ((report?["result"] as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        let findings = groups.flatMap { ($0["members"] as? [[String: Any]]) ?? [] }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["status"] as? String == "unconfirmed" || $0["status"] as? String == "new" })
        let corpus = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/corpus")) ?? []
        #expect(corpus.filter { $0.hasSuffix(".json") }.count == findings.count, "one corpus entry per finding")
        #expect(FileManager.default.fileExists(atPath: directory + "/out/junit.xml"))
    }

    @Test func aSecondSignalAbortsAtOnce() throws {
        let directory = Harness.temporaryDirectory()
        // Paced at one request every two seconds, the run cannot wind down between the two signals.
        let running = try Binary.start(["run", "--no-corpus", "--rate-limit", "0.5/s"], in: directory)
        #expect(running.waitForStderr("fuzzing the embedded reference server", timeout: 30))
        Thread.sleep(forTimeInterval: 0.5)
        running.send(SIGINT)
        #expect(running.waitForStderr("SIGINT: no new requests", timeout: 5))
        running.send(SIGINT)
        let outcome = running.finish()
        #expect(outcome.status == 130)
        #expect(outcome.stderr.contains("second SIGINT"))
    }

    // MARK: Broken files

    @Test func corruptCorpusBaselineAndProfileFilesExit2InWords() throws {
        let directory = Harness.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/corpus", withIntermediateDirectories: true)
        try #"{"check": 5}"#.write(toFile: directory + "/corpus/cf-x.json", atomically: true, encoding: .utf8)
        try #"{"accepted": 3}"#.write(toFile: directory + "/baseline.json", atomically: true, encoding: .utf8)
        try #"{"accepted": ["#.write(toFile: directory + "/truncated.json", atomically: true, encoding: .utf8)
        try "convfuzz_profile: 1\npools: [a, b\n".write(toFile: directory + "/profile.yaml", atomically: true, encoding: .utf8)
        try "convfuzz_profile: 1\npools:\n  user_id: {a: 1}\n".write(toFile: directory + "/typed.yaml", atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], expected: String)] = [
            (["run"] + Self.deadTarget, "corpus/cf-x.json: not a convfuzz corpus entry"),
            (["replay", "corpus/cf-x.json", "--target", "http://127.0.0.1:1"], "corpus/cf-x.json: not a convfuzz corpus entry"),
            (["corpus", "list"], "corpus/cf-x.json: not a convfuzz corpus entry"),
            (["run", "--no-corpus", "--baseline", "baseline.json"], "baseline.json: not a baseline file: 'accepted' should be a list"),
            (["run", "--no-corpus", "--baseline", "truncated.json"], "truncated.json: not a baseline file: not valid JSON"),
            (["run", "--no-corpus", "--profile", "profile.yaml"], "profile.yaml:2:"),
            (["run", "--no-corpus", "--profile", "typed.yaml"], "typed.yaml:3:"),
        ]
        for (arguments, expected) in cases {
            let outcome = try Binary.run(arguments, in: directory)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains(expected), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(arguments): \(outcome.stderr)")
            for text in Binary.foreignErrorText { #expect(!outcome.stderr.contains(text), "\(arguments): \(outcome.stderr)") }
        }
    }

    @Test func aMissingBaselineIsEmptyWithANote() throws {
        let outcome = try Binary.run(["run", "--no-corpus", "--baseline", "not-yet.json"] + Binary.small)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("baseline not-yet.json does not exist yet"))
    }

    // MARK: Values

    @Test func negativeAndZeroValuesSayTheLeastAllowed() throws {
        let cases: [(arguments: [String], expected: String)] = [
            (["run", "--max-cases", "-5"], "--max-cases must be at least 0, got -5"),
            (["run", "--concurrency", "0"], "--concurrency must be at least 1, got 0"),
            (["run", "--max-failures", "-1"], "--max-failures must be at least 1, got -1"),
            (["run", "--walks", "-2"], "--walks must be at least 0, got -2"),
            (["run", "--time-budget", "-3"], "--time-budget must be more than 0 seconds"),
            (["walk", "--max-pages", "0"], "--max-pages must be at least 1, got 0"),
            (["generate", "--count", "-1"], "--count must be at least 0, got -1"),
            (["serve", "--size", "0"], "--size must be at least 1, got 0"),
        ]
        for (arguments, expected) in cases {
            let outcome = try Binary.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stderr.contains(expected), "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("Missing value"))
        }
    }
}

/// Reads a FIFO to the end on a background thread.
final class FIFOReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        Thread { [self] in
            let handle = FileHandle(forReadingAtPath: path)
            let bytes = handle?.readDataToEndOfFile() ?? Data()
            lock.withLock { data = bytes }
            done.signal()
        }.start()
    }

    /// What was read, after the writer closed (or `timeout`).
    func text(timeout: Double) -> String {
        _ = done.wait(timeout: .now() + timeout)
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
