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

    /// A new, empty temporary folder whose name starts with `prefix`.
    public static func temporaryDirectory(_ prefix: String = "convfuzz-test") -> String {
        let path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
