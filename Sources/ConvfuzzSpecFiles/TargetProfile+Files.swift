import ConvfuzzSpec
import Foundation

extension TargetProfile {
    /// Reads a profile file; with `spec`, every pool name and value is checked against it (``load(text:file:spec:)``).
    public static func load(path: String, spec: Spec? = nil) throws(SpecError) -> TargetProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(file: path, line: 0, message: "profile file not found or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: path, line: 1, message: "profile file is not UTF-8 text")
        }
        return try load(text: text, file: path, spec: spec)
    }

    /// Parses profile text, then reads it as ``TargetProfile/load(document:file:spec:)`` does.
    public static func load(text: String, file: String, spec: Spec? = nil) throws(SpecError) -> TargetProfile {
        try load(document: YAMLNode.parse(text, file: file), file: file, spec: spec)
    }
}
