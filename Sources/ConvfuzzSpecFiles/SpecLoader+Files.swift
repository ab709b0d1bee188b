import ConvfuzzSpec
import Foundation

extension SpecLoader {
    /// Reads and loads a spec file.
    public static func load(path: String) throws(SpecError) -> Spec {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SpecError(file: path, line: 0, message: "spec file not found")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(file: path, line: 0, message: "spec file is not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: path, line: 1, message: "spec file is not UTF-8 text")
        }
        return try load(text: text, file: path)
    }

    /// Loads spec text; `file` names it in messages.
    public static func load(text: String, file: String) throws(SpecError) -> Spec {
        try load(document: YAMLNode.parse(text, file: file), text: text, file: file)
    }
}
