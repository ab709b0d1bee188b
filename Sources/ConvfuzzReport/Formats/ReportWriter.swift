import Foundation

/// Writes report files atomically (temporary file, then rename) so a crash never leaves half a report.
public enum ReportWriter {
    /// Writes text to a path; the error names the path.
    public static func write(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw ReportWriteError(path: path, reason: "cannot create \(temporary)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ReportWriteError(path: path, reason: reason)
        }
    }
}

/// A report file could not be written.
public struct ReportWriteError: Error, CustomStringConvertible {
    /// The path.
    public let path: String
    /// Why.
    public let reason: String

    /// `cannot write PATH: reason`.
    public var description: String { "cannot write \(path): \(reason)" }
}
