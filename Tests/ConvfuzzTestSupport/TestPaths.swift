import ConvfuzzSpec
import ConvfuzzSpecFiles
import Foundation

/// Paths into the repository, the bundled spec and fresh temporary folders: the helpers every test
/// target shares, written once.
public enum TestPaths {
    /// The repository's root folder.
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The bundled spec's file.
    public static let specPath = root + "/specs/list-conversations.yaml"

    /// The bundled spec, loaded once.
    public static let spec: Spec = {
        do { return try SpecLoader.load(path: specPath) } catch { fatalError("cannot load the bundled spec: \(error)") }
    }()

    /// The reference server's profile (the hidden values of its dataset).
    public static let referenceProfilePath = root + "/specs/profiles/reference.yaml"

    /// The endpoint's published OpenAPI extract, vendored in `specs/openapi/` (so the tests need
    /// nothing outside the checkout).
    public static let openAPIPath = root + "/specs/openapi/elevenlabs-list-conversations.openapi.json"

    /// A new, empty temporary folder whose name starts with `prefix`, inside ``runFolder``: removed
    /// with it when the test process exits.
    public static func temporaryDirectory(_ prefix: String = "convfuzz-test") -> String {
        let path = temporaryFile(prefix)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A path for a new temporary file whose name starts with `prefix` and ends with `suffix`, inside
    /// ``runFolder``.
    public static func temporaryFile(_ prefix: String, suffix: String = "") -> String {
        runFolder + "/" + prefix + "-" + UUID().uuidString + suffix
    }

    // MARK: - The run's folder

    /// The folder holding this test process's temporary folders, `convfuzz-tests-<pid>` in the system's
    /// temporary folder. It is removed at exit, and the folders of test processes that are no longer
    /// alive (killed, or crashed) are removed when it is made, so runs of the suite leave nothing behind.
    public static let runFolder: String = {
        let base = NSTemporaryDirectory()
        let prefix = "convfuzz-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: base + name)
        }
        let folder = base + prefix + String(getpid())
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestPaths.runFolder) }
        return folder
    }()
}
