import Foundation

/// The one way convfuzz replaces a file so that a crash never leaves half of one: reports and corpus
/// entries alike.
///
/// The bytes go to a temporary file in the target's own folder (`.NAME.tmp-PID-N`, created exclusively,
/// mode `0666` less the umask), are flushed with `fsync`, and the temporary file is renamed over the
/// target. A process killed at any moment leaves the old file or the new one, never a mix. It can
/// leave its temporary file behind; ``sweepTemporaries(in:)`` removes those whose process is gone, for
/// folders convfuzz owns (the corpus).
public enum AtomicFile {
    // MARK: Writing

    /// Replaces (or creates) `path` with `bytes` atomically.
    public static func replace(_ path: String, with bytes: some Collection<UInt8>) throws(AtomicFileError) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw AtomicFileError(path: path, step: .create(temporary: temporary), code: errno) }
        var failure: Int32?
        if !writeAll(bytes, to: descriptor) {
            failure = errno
        } else if fsync(descriptor) != 0 {
            failure = errno
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw AtomicFileError(path: path, step: .write, code: failure)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw AtomicFileError(path: path, step: .rename, code: code)
        }
    }

    // MARK: Temporary files

    /// Removes temporary files left in `folder` by killed processes: `.NAME.tmp-PID-N` files whose
    /// process is gone, and Foundation's `.dat.nosync…` files. Returns the paths removed, sorted.
    @discardableResult
    public static func sweepTemporaries(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            let stale: Bool
            if name.hasPrefix(".dat.nosync") {
                stale = true
            } else if let pid = temporaryOwner(name) {
                stale = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
            } else {
                stale = false
            }
            guard stale else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// Whether a file name is one of these temporary files (or Foundation's).
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".dat.nosync") || temporaryOwner(name) != nil
    }

    /// The process id in a temporary file's name, if it is one.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-")
        guard parts.count == 2, let pid = pid_t(parts[0]), UInt64(parts[1]) != nil else { return nil }
        return pid
    }

    // MARK: Helpers

    private static let counter = TemporaryCounter()

    /// `.NAME.tmp-PID-N` next to `target`.
    private static func temporaryPath(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).tmp-\(getpid())-\(counter.next())")
    }

    /// Writes every byte to `descriptor`, going on after a partial write or a signal; false on an
    /// error (`errno` says which). Reports written through a FIFO or to standard output use it too.
    public static func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Bool {
        let buffer = Array(bytes)
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBufferPointer { Foundation.write(descriptor, $0.baseAddress! + offset, buffer.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}

/// Why ``AtomicFile/replace(_:with:)`` failed: the step, and the `errno` in words.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed.
    public enum Step: Sendable, Equatable {
        /// The temporary file could not be created.
        case create(temporary: String)
        /// Writing or flushing the temporary file failed.
        case write
        /// The temporary file could not be renamed over the target.
        case rename
    }

    /// The file being replaced.
    public let path: String
    /// The step that failed.
    public let step: Step
    /// The `errno`.
    public let code: Int32

    /// Creates an error.
    public init(path: String, step: Step, code: Int32) {
        self.path = path
        self.step = step
        self.code = code
    }

    /// What failed, without the path: e.g. `cannot create a temporary file in out (permission denied)`.
    public var reason: String {
        switch step {
        case .create(let temporary):
            let folder = (temporary as NSString).deletingLastPathComponent
            return "cannot create a temporary file in \(folder.isEmpty ? "." : folder) (\(Self.words(code)))"
        case .write: return "writing failed (\(Self.words(code)))"
        case .rename: return "cannot replace it (\(Self.words(code)))"
        }
    }

    /// `PATH: reason`.
    public var description: String { "\(path): \(reason)" }

    /// An errno in words.
    public static func words(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or folder"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "it is a folder"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case EPIPE: return "the reader went away"
        case EDQUOT: return "disk quota exceeded"
        case ENAMETOOLONG: return "the name is too long"
        case EXDEV: return "the temporary file is on another device"
        default: return "error \(code)"
        }
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
