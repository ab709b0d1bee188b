import ConvfuzzResults
import ConvfuzzTestSupport
import Foundation
import Testing

/// The one crash-safe writer that reports and corpus entries share.
@Suite struct AtomicFileTests {
    private static func folder() -> String {
        let path = TestPaths.temporaryFile("convfuzz-atomic")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func replacesByRenameAndLeavesNoTemporary() throws {
        let directory = Self.folder()
        let path = directory + "/entry.json"
        try AtomicFile.replace(path, with: Array("first\n".utf8))
        var before = stat()
        stat(path, &before)
        try AtomicFile.replace(path, with: Data("second\n".utf8))
        var after = stat()
        stat(path, &after)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(before.st_ino != after.st_ino, "a new inode: renamed over, never rewritten in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["entry.json"])
        let mask = umask(0)
        umask(mask)
        #expect(after.st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test func aFailureNamesTheStepAndLeavesTheOldFile() throws {
        let directory = Self.folder()
        do {
            try AtomicFile.replace(directory + "/missing/entry.json", with: Array("x".utf8))
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect(error.reason == "cannot create a temporary file in \(directory)/missing (no such file or folder)")
            #expect(error.description.hasPrefix(directory + "/missing/entry.json: "))
        }
        // A folder in the way of the rename: the target is kept, the temporary removed.
        try FileManager.default.createDirectory(atPath: directory + "/taken", withIntermediateDirectories: false)
        try "keep".write(toFile: directory + "/taken/inside", atomically: false, encoding: .utf8)
        #expect(throws: AtomicFileError.self) { try AtomicFile.replace(directory + "/taken", with: Array("x".utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["taken"])
        #expect(try String(contentsOfFile: directory + "/taken/inside", encoding: .utf8) == "keep")
    }

    @Test func temporaryNamesAreRecognisedAndOnlyDeadOnesSwept() throws {
        let directory = Self.folder()
        var dead: pid_t = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead += 1 }
        let stale = directory + "/.report.html.tmp-\(dead)-7"
        let live = directory + "/.report.html.tmp-\(getpid())-8"
        for path in [stale, live] { #expect(FileManager.default.createFile(atPath: path, contents: Data())) }
        #expect(AtomicFile.isTemporary(".report.html.tmp-\(dead)-7") && !AtomicFile.isTemporary("report.html"))
        #expect(AtomicFile.sweepTemporaries(in: directory) == [stale])
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
