import ConvfuzzJSON
import ConvfuzzResults
import Foundation

/// The `corpus/` folder: one JSON file per unique failure, written atomically, never deleted by a run.
///
/// Files are written by the harness's one ``JSONWriter`` (pretty, keys sorted by bytes).
///
/// Crash safety: an entry is written by ``AtomicFile`` (a `.NAME.tmp-PID-N` file in the corpus folder,
/// flushed, then renamed over the entry), so a run killed at any moment leaves either the old file or
/// the new one, never half a file. A killed run can leave its temporary file behind; the next run
/// sweeps temporaries whose process is gone before it reads the corpus.
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
        do {
            try AtomicFile.replace(target, with: data)
        } catch {
            throw RunAbort.invalidInput("cannot write corpus file \(target): \(error.reason)")
        }
        return target
    }

    /// Removes temporary files left by killed runs (``AtomicFile/sweepTemporaries(in:)``): `.NAME.tmp-PID-N`
    /// files whose process is gone, and Foundation's `.dat.nosync…` files. Returns the paths removed.
    @discardableResult
    public func sweepTemporaries() -> [String] {
        AtomicFile.sweepTemporaries(in: directory)
    }

    /// Whether a file name is one of the store's temporary files (or Foundation's).
    public static func isTemporary(_ name: String) -> Bool {
        AtomicFile.isTemporary(name)
    }

    /// Deletes an entry (only `convfuzz corpus prune` calls this, after a clean replay).
    public func remove(path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }
}
