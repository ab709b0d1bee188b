import ConvfuzzResults
import Foundation

/// Where one output of a run goes, checked before the first request.
///
/// - `-` is standard output.
/// - An existing FIFO, character device or symlink is written through: opened and written, never replaced.
/// - A regular file, or a path that does not exist yet, is replaced atomically: a temporary file in the
///   same folder, then a rename.
/// - Missing parent folders are created only below the current directory or below an existing folder the
///   path names (never at the filesystem root).
public struct OutputDestination: Sendable, Equatable {
    /// How the destination is written.
    public enum Kind: Sendable, Equatable {
        /// Standard output (`-`).
        case standardOutput
        /// An existing FIFO, character device or symlink: written through.
        case writeThrough
        /// A regular file (existing or not): replaced atomically.
        case atomicFile
        /// A folder (the corpus): created when missing.
        case folder
    }

    /// The option that named it, e.g. `--junit`.
    public let option: String
    /// The path as the user gave it.
    public let path: String
    /// How it is written.
    public let kind: Kind
    /// Folders to create before writing, outermost first.
    public let missingFolders: [String]

    /// Creates a checked destination (use `OutputDestination.check`).
    init(option: String, path: String, kind: Kind, missingFolders: [String]) {
        self.option = option
        self.path = path
        self.kind = kind
        self.missingFolders = missingFolders
    }

    // MARK: Checking

    /// Checks a file destination; throws one line naming the path and what is wrong.
    public static func checkFile(option: String, path: String,
                                 currentDirectory: String = FileManager.default.currentDirectoryPath)
        throws(OutputError) -> OutputDestination {
        if path == "-" { return OutputDestination(option: option, path: path, kind: .standardOutput, missingFolders: []) }
        guard !path.isEmpty else { throw OutputError(option: option, path: path, reason: "the path is empty") }
        if path.hasSuffix("/") { throw OutputError(option: option, path: path, reason: "the path names a folder, not a file") }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0 {
                    if target.st_mode & S_IFMT == S_IFDIR {
                        throw OutputError(option: option, path: path, reason: "the symlink points at a folder, not a file")
                    }
                    guard access(path, W_OK) == 0 else {
                        throw OutputError(option: option, path: path, reason: "the file the symlink points at is not writable")
                    }
                    return OutputDestination(option: option, path: path, kind: .writeThrough, missingFolders: [])
                }
                let parent = parentFolder(of: resolvedLinkTarget(path) ?? path)
                guard isWritableFolder(parent) else {
                    throw OutputError(option: option, path: path, reason: "the symlink points at a missing file in a folder that does not exist or is not writable")
                }
                return OutputDestination(option: option, path: path, kind: .writeThrough, missingFolders: [])
            case S_IFIFO, S_IFCHR:
                guard access(path, W_OK) == 0 else {
                    throw OutputError(option: option, path: path, reason: "not writable")
                }
                return OutputDestination(option: option, path: path, kind: .writeThrough, missingFolders: [])
            case S_IFDIR:
                throw OutputError(option: option, path: path, reason: "is a folder, not a file")
            case S_IFREG:
                guard access(path, W_OK) == 0 else { throw OutputError(option: option, path: path, reason: "the file is not writable") }
                let parent = parentFolder(of: path)
                guard access(parent, W_OK) == 0, probeFailure(in: parent) == nil else {
                    throw OutputError(option: option, path: path,
                                      reason: "its folder \(parent) is not writable (the report is replaced through a temporary file there)")
                }
                return OutputDestination(option: option, path: path, kind: .atomicFile, missingFolders: [])
            default:
                throw OutputError(option: option, path: path, reason: "is neither a file, a FIFO nor a terminal")
            }
        }
        let missing = try missingFolders(option: option, path: path, folder: parentFolder(of: path),
                                         currentDirectory: currentDirectory)
        return OutputDestination(option: option, path: path, kind: .atomicFile, missingFolders: missing)
    }

    /// Checks a folder destination (the corpus); throws one line naming the path and what is wrong.
    public static func checkFolder(option: String, path: String,
                                   currentDirectory: String = FileManager.default.currentDirectoryPath)
        throws(OutputError) -> OutputDestination {
        guard !path.isEmpty, path != "-" else { throw OutputError(option: option, path: path, reason: "needs a folder path") }
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw OutputError(option: option, path: path, reason: "is a file, not a folder") }
            guard access(path, W_OK) == 0 else { throw OutputError(option: option, path: path, reason: "the folder is not writable") }
            return OutputDestination(option: option, path: path, kind: .folder, missingFolders: [])
        }
        var missing = try missingFolders(option: option, path: path, folder: parentFolder(of: path),
                                         currentDirectory: currentDirectory)
        missing.append(path)
        return OutputDestination(option: option, path: path, kind: .folder, missingFolders: missing)
    }

    /// Checks every destination of a run: at most one may be standard output.
    public static func checkAll(files: [(option: String, path: String)], folders: [(option: String, path: String)] = [],
                                currentDirectory: String = FileManager.default.currentDirectoryPath)
        throws(OutputError) -> [OutputDestination] {
        let toStandardOutput = files.filter { $0.path == "-" }
        if toStandardOutput.count > 1 {
            let names = toStandardOutput.map { "\($0.option) -" }.joined(separator: ", ")
            throw OutputError(option: toStandardOutput[1].option, path: "-",
                              reason: "only one report can go to standard output, got \(names)")
        }
        var checked: [OutputDestination] = []
        for file in files { checked.append(try checkFile(option: file.option, path: file.path, currentDirectory: currentDirectory)) }
        for folder in folders {
            checked.append(try checkFolder(option: folder.option, path: folder.path, currentDirectory: currentDirectory))
        }
        return checked
    }

    // MARK: Writing

    /// Writes the text: standard output, through the FIFO/device/symlink, or atomically replacing a file.
    public func write(_ text: String) throws(OutputError) {
        let bytes = Array(text.utf8)
        switch kind {
        case .standardOutput:
            guard AtomicFile.writeAll(bytes, to: STDOUT_FILENO) else { throw failure("cannot write to standard output") }
        case .writeThrough:
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
            guard descriptor >= 0 else { throw failure("cannot open it for writing (\(OutputDestination.words(errno)))") }
            defer { close(descriptor) }
            guard AtomicFile.writeAll(bytes, to: descriptor) else { throw failure("writing failed (\(OutputDestination.words(errno)))") }
        case .atomicFile:
            try createMissingFolders()
            try replaceAtomically(bytes)
        case .folder:
            throw failure("is a folder; write files into it")
        }
    }

    /// Creates the missing folders this destination needs (the corpus folder itself for `.folder`).
    public func createMissingFolders() throws(OutputError) {
        for folder in missingFolders where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw failure("cannot create the folder \(folder) (\(OutputDestination.words(errno)))")
        }
    }

    private func replaceAtomically(_ bytes: [UInt8]) throws(OutputError) {
        do {
            try AtomicFile.replace(path, with: bytes)
        } catch {
            throw failure(error.reason)
        }
    }

    private func failure(_ reason: String) -> OutputError { OutputError(option: option, path: path, reason: reason) }

    // MARK: Helpers

    /// The folder holding `path` (`.` for a bare name).
    static func parentFolder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    private static func resolvedLinkTarget(_ path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return nil }
        return target.hasPrefix("/") ? target : parentFolder(of: path) + "/" + target
    }

    private static func isWritableFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && access(path, W_OK) == 0
    }

    /// The folders to create for `folder` to exist, outermost first, when creating them is allowed.
    private static func missingFolders(option: String, path: String, folder: String, currentDirectory: String)
        throws(OutputError) -> [String] {
        var missing: [String] = []
        var current = folder
        var info = stat()
        while stat(current, &info) != 0 {
            guard errno == ENOENT else {
                throw OutputError(option: option, path: path, reason: "cannot look at \(current) (\(words(errno)))")
            }
            missing.insert(current, at: 0)
            let parent = parentFolder(of: current)
            if parent == current { break }
            current = parent
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw OutputError(option: option, path: path, reason: "\(current) is a file, not a folder")
        }
        guard missing.isEmpty || mayCreate(below: current, currentDirectory: currentDirectory) else {
            throw OutputError(option: option, path: path,
                              reason: "the folder \(missing[0]) does not exist (convfuzz creates missing folders only below the current folder or an existing folder other than /)")
        }
        guard access(current, W_OK) == 0 else {
            throw OutputError(option: option, path: path,
                              reason: missing.isEmpty ? "the folder \(current) is not writable" : "cannot create \(missing[0]): \(current) is not writable")
        }
        // access(2) says yes to root everywhere, and pseudo file systems (/sys, /proc) accept no new
        // files whatever the mode bits say: create and remove a file there to be sure, before any request.
        if let code = probeFailure(in: current) {
            throw OutputError(option: option, path: path,
                              reason: missing.isEmpty ? "a file cannot be created in \(current) (\(words(code)))"
                                                      : "cannot create \(missing[0]) in \(current) (\(words(code)))")
        }
        return missing
    }

    /// The errno of creating (then removing) a file in `folder`, or nil when that works.
    static func probeFailure(in folder: String) -> Int32? {
        let probe = (folder as NSString).appendingPathComponent(".convfuzz-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return errno }
        close(descriptor)
        unlink(probe)
        return nil
    }

    /// Whether missing folders may be created below the existing folder `existing`.
    private static func mayCreate(below existing: String, currentDirectory: String) -> Bool {
        let absolute = existing.hasPrefix("/") ? existing : currentDirectory + "/" + existing
        let standardized = (absolute as NSString).standardizingPath
        let cwd = (currentDirectory as NSString).standardizingPath
        if standardized == cwd || standardized.hasPrefix(cwd == "/" ? "/" : cwd + "/") { return true }
        return standardized != "/"
    }

    /// An errno in words.
    static func words(_ code: Int32) -> String { AtomicFileError.words(code) }
}

/// An output destination that cannot be used; one line naming the option, the path and what is wrong.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option, e.g. `--junit`.
    public let option: String
    /// The path.
    public let path: String
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error.
    public init(option: String, path: String, reason: String) {
        self.option = option
        self.path = path
        self.reason = reason
    }

    /// `--junit PATH: what is wrong`.
    public var description: String { "\(option) \(path): \(reason)" }
}
