import ConvfuzzJSON
import Foundation

/// The `corpus/` folder: one JSON file per unique failure, written atomically, never deleted by a run.
///
/// Files are written by the harness's one ``JSONWriter`` (pretty, keys sorted by bytes).
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
        } catch let DecodingError.keyNotFound(key, _) {
            throw RunAbort.invalidInput("\(path): not a convfuzz corpus entry (missing '\(key.stringValue)')")
        } catch let DecodingError.dataCorrupted(context) {
            throw RunAbort.invalidInput("\(path): not a convfuzz corpus entry (\(context.debugDescription))")
        } catch {
            throw RunAbort.invalidInput("\(path): not a convfuzz corpus entry (\(error))")
        }
    }

    /// Loads every entry, failing on the first unreadable one.
    public func loadAll() throws -> [(path: String, entry: CorpusEntry)] {
        try files().map { ($0, try CorpusStore.load(path: $0)) }
    }

    /// Writes an entry atomically (temporary file, then rename). An existing entry keeps its first-seen date.
    @discardableResult
    public func save(_ entry: CorpusEntry) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = path(for: entry)
        var entry = entry
        if let existing = try? CorpusStore.load(path: target) { entry.firstSeen = existing.firstSeen }
        var data = Data(JSONWriter(style: .pretty, sortedKeys: true).bytes(try JSONValueEncoder().encode(entry)))
        data.append(0x0A)
        let temporary = target + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw RunAbort.invalidInput("cannot write corpus file \(temporary)")
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RunAbort.invalidInput("cannot move \(temporary) to \(target): \(reason)")
        }
        return target
    }

    /// Deletes an entry (only `convfuzz corpus prune` calls this, after a clean replay).
    public func remove(path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }
}
