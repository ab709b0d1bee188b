import ConvfuzzReport
import ConvfuzzTestSupport
import Foundation
import Testing

/// Report, corpus and baseline destinations: checked before a run, written without harm.
@Suite("Output destinations")
struct OutputDestinationTests {
    static func folder() -> String {
        let path = TestPaths.temporaryFile("convfuzz-out")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func dashIsStandardOutputAndOnlyOnce() throws {
        #expect(try OutputDestination.checkFile(option: "--json", path: "-").kind == .standardOutput)
        #expect(throws: OutputError.self) {
            try OutputDestination.checkAll(files: [("--json", "-"), ("--junit", "-")])
        }
        do {
            _ = try OutputDestination.checkAll(files: [("--json", "-"), ("--junit", "-")])
        } catch {
            #expect(error.description.contains("only one report can go to standard output"))
            #expect(error.description.contains("--json -") && error.description.contains("--junit -"))
        }
    }

    @Test func aRegularFileIsReplacedAtomicallyAndKeepsNoTemporary() throws {
        let directory = Self.folder()
        let path = directory + "/report.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        var before = stat()
        stat(path, &before)
        let destination = try OutputDestination.checkFile(option: "--json", path: path)
        #expect(destination.kind == .atomicFile)
        try destination.write("new\n")
        var after = stat()
        stat(path, &after)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(before.st_ino != after.st_ino, "replaced by rename, not rewritten in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.json"])
    }

    @Test func aSymlinkIsWrittenThroughAndSurvives() throws {
        let directory = Self.folder()
        try "old".write(toFile: directory + "/real.xml", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.xml", withDestinationPath: "real.xml")
        let destination = try OutputDestination.checkFile(option: "--junit", path: directory + "/link.xml")
        #expect(destination.kind == .writeThrough)
        try destination.write("<x/>")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.xml") == "real.xml")
        #expect(try String(contentsOfFile: directory + "/real.xml", encoding: .utf8) == "<x/>")
    }

    @Test func aFIFOIsWrittenThroughToItsReader() throws {
        let directory = Self.folder()
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let destination = try OutputDestination.checkFile(option: "--markdown", path: fifo)
        #expect(destination.kind == .writeThrough)
        let received = Received()
        let reader = Thread {
            let data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            received.set(String(decoding: data, as: UTF8.self))
        }
        reader.start()
        try destination.write("# summary\n")
        #expect(received.wait(timeout: 5) == "# summary\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aCharacterDeviceIsWrittenThrough() throws {
        let destination = try OutputDestination.checkFile(option: "--json", path: "/dev/null")
        #expect(destination.kind == .writeThrough)
        try destination.write("{}")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func missingFoldersAreCreatedOnlyBelowANamedFolder() throws {
        let directory = Self.folder()
        let below = try OutputDestination.checkFile(option: "--junit", path: directory + "/out/deep/j.xml", currentDirectory: directory)
        #expect(below.missingFolders == [directory + "/out", directory + "/out/deep"])
        let named = try OutputDestination.checkFile(option: "--junit", path: directory + "/new/j.xml")
        #expect(named.missingFolders == [directory + "/new"])
        try named.write("x")
        #expect(FileManager.default.fileExists(atPath: directory + "/new/j.xml"))
        #expect(throws: OutputError.self) {
            try OutputDestination.checkFile(option: "--junit", path: "/nonexistent-convfuzz-\(UUID().uuidString)/dir/x.xml")
        }
    }

    @Test func impossiblePathsAreRefusedInWords() throws {
        let directory = Self.folder()
        try "x".write(toFile: directory + "/some-file", atomically: false, encoding: .utf8)
        let cases: [(path: String, words: String)] = [
            (directory + "/some-file/x.xml", "is a file, not a folder"),
            (directory, "is a folder, not a file"),
            (directory + "/", "names a folder"),
            ("", "the path is empty"),
            ("/dev/null/x", "is a file, not a folder"),
        ]
        for (path, words) in cases {
            do {
                _ = try OutputDestination.checkFile(option: "--junit", path: path)
                Issue.record("\(path) was accepted")
            } catch {
                #expect(error.description.hasPrefix("--junit \(path):"), "\(error.description)")
                #expect(error.description.contains(words), "\(error.description)")
            }
        }
    }

    @Test func theCorpusMustBeAFolder() throws {
        let directory = Self.folder()
        try "x".write(toFile: directory + "/file", atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputDestination.checkFolder(option: "--corpus", path: directory + "/file") }
        let fresh = try OutputDestination.checkFolder(option: "--corpus", path: directory + "/corpus", currentDirectory: directory)
        #expect(fresh.kind == .folder && fresh.missingFolders == [directory + "/corpus"])
        #expect(try OutputDestination.checkFolder(option: "--corpus", path: directory).missingFolders.isEmpty)
    }
}

/// A value handed over from a reader thread.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private let semaphore = DispatchSemaphore(value: 0)
    private var value: String?

    func set(_ text: String) {
        lock.withLock { value = text }
        semaphore.signal()
    }

    func wait(timeout: Double) -> String? {
        _ = semaphore.wait(timeout: .now() + timeout)
        return lock.withLock { value }
    }
}
