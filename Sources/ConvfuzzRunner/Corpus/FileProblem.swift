import ConvfuzzJSON
import Foundation

/// What is wrong with a JSON file convfuzz reads (corpus entry, baseline), in words: never Foundation's text.
enum FileProblem {
    /// Why `data` is not a valid file of `kind` (e.g. "convfuzz corpus entry"), given the decoding error.
    static func describe(_ error: any Error, data: Data, kind: String) -> String {
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return "not a \(kind): the file is empty" }
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            return "not a \(kind): not valid JSON (\(error.description))"
        }
        guard let decoding = error as? DecodingError else { return "not a \(kind)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "not a \(kind): \(where_(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "not a \(kind): \(where_(context.codingPath)) should be \(words(type))"
        case .valueNotFound(let type, let context):
            return "not a \(kind): \(where_(context.codingPath)) is null, should be \(words(type))"
        case .dataCorrupted(let context):
            return "not a \(kind): \(where_(context.codingPath)) has a value convfuzz does not know"
        @unknown default:
            return "not a \(kind)"
        }
    }

    /// `'replay.query'`, or `the top level`.
    private static func where_(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the top level" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return "'\(text)'"
    }

    /// A Swift type in words.
    private static func words(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") { return "an object" }
        if name.hasPrefix("Array") { return "a list" }
        if name.contains("String") { return "a string" }
        if name.contains("Int") || name.contains("Double") { return "a number" }
        if name.contains("Bool") { return "true or false" }
        return "a different kind of value"
    }
}
