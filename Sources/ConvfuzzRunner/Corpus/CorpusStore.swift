import ConvfuzzJSON
import ConvfuzzResults
import Foundation

/// The `corpus/` folder: one JSON file per unique failure, written atomically, never deleted by a run.
///
/// Files are written by the harness's one ``JSONWriter`` (pretty, keys sorted by bytes).
///
/// Crash safety: an entry is written to a temporary file in the corpus folder itself
/// (`.NAME.tmp-PID-N`, created exclusively), flushed with `fsync`, then renamed over the entry, so a
/// run killed at any moment leaves either the old file or the new one, never half a file. A killed
/// run can leave its temporary file behind; the next run sweeps temporaries whose process is gone
/// (and `.dat.nosync…` files of Foundation's atomic writes) before it reads the corpus.
public struct CorpusStore: Sendable {
    /// The folder.
    public let directory: String

    /// Opens (without creating) a corpus folder.
    public init(directory: String) {
        self.directory = directory
    }

    /// The path of an entry's file.
    public func path(for entry: CorpusEntry) -> String {
        (directory as NSString).appendingPathComponent(entry.fileName)
    }

    /// Every `.json` file in the folder, sorted by name.
    public func files() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Loads one entry; the error names the file and what is wrong.
    public static func load(path: String) throws -> CorpusEntry {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunAbort.invalidInput("\(path): corpus entry not found or not readable")
        }
        do {
            return try JSONDecoder().decode(CorpusEntry.self, from: data)
        } catch {
            throw RunAbort.invalidInput("\(path): \(FileProblem.describe(error, data: data, kind: "convfuzz corpus entry"))")
        }
    }

    /// Writes an entry atomically (temporary file, then rename). An existing entry keeps its first-seen date.
    /// Every secret `redactor` holds is removed from the whole file (the stored requests included), so
    /// no secret reaches the corpus whatever field it would be in.
    @discardableResult
    public func save(_ entry: CorpusEntry, redactor: Redactor = .none) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = path(for: entry)
        var entry = entry
        if let existing = try? CorpusStore.load(path: target) { entry.firstSeen = existing.firstSeen }
        let text = String(decoding: JSONWriter(style: .pretty, sortedKeys: true).bytes(try JSONValueEncoder().encode(entry)), as: UTF8.self)
        var data = Data(redactor.redact(text).utf8)
        data.append(0x0A)
        let temporary = Self.temporaryPath(for: target)
        try Self.writeDurably(data, to: temporary)
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RunAbort.invalidInput("cannot move \(temporary) to \(target): \(reason)")
        }
        return target
    }

    /// Removes temporary files left by killed runs: `.NAME.tmp-PID-N` files whose process is gone,
    /// and Foundation's `.dat.nosync…` files. Returns the paths removed.
    @discardableResult
    public func sweepTemporaries() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            let stale: Bool
            if name.hasPrefix(".dat.nosync") {
                stale = true
            } else if let pid = Self.temporaryOwner(name) {
                stale = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
            } else {
                stale = false
            }
            guard stale else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// Whether a file name is one of the store's temporary files (or Foundation's).
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".dat.nosync") || temporaryOwner(name) != nil
    }

    // MARK: Writing

    private static let counter = TemporaryCounter()

    /// `.NAME.tmp-PID-N` next to `target`.
    static func temporaryPath(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).tmp-\(getpid())-\(counter.next())")
    }

    /// The process id in a temporary file's name, if it is one.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-")
        guard parts.count == 2, let pid = pid_t(parts[0]), UInt64(parts[1]) != nil else { return nil }
        return pid
    }

    /// Creates `path` exclusively, writes every byte, flushes it to disk and closes it.
    static func writeDurably(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw RunAbort.invalidInput("cannot write corpus file \(path): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            unlink(path)
            throw RunAbort.invalidInput("cannot write corpus file \(path): \(failure)")
        }
    }

    /// Deletes an entry (only `convfuzz corpus prune` calls this, after a clean replay).
    public func remove(path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }
}

/// A process-wide counter for temporary file names. `@unchecked Sendable`: `value` is guarded by `lock`.
private final class TemporaryCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0

    func next() -> UInt64 {
        lock.withLock {
            value += 1
            return value
        }
    }
}
