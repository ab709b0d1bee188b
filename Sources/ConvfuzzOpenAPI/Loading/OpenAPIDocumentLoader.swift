import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML) with OpenAPIKit.
///
/// A 3.0 document is read with `OpenAPIKit30` and converted to the 3.1 model, so the rest of
/// the module works with one model (`OpenAPIKit.OpenAPI.Document`).
public enum OpenAPIDocumentLoader {
    // MARK: Loading

    /// A decoded document and the `$ref` sibling keywords OpenAPIKit does not keep.
    public struct Loaded: Sendable {
        /// The document in the 3.1 model.
        public var document: OpenAPIKit.OpenAPI.Document
        /// `default`/`deprecated` written beside parameter schema `$ref`s.
        public var siblings: ReferenceSiblings
    }

    /// Loads the document at `path`.
    public static func load(path: String) throws(OpenAPIImportError) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpenAPIImportError(file: path, message: "cannot read the file")
        }
        return try load(data: data, file: path)
    }

    /// Decodes `data` (named `file` in messages).
    public static func load(data: Data, file: String) throws(OpenAPIImportError) -> Loaded {
        let isJSON = data.first(where: { !Self.isWhitespace($0) }) == UInt8(ascii: "{")
        let version: String
        do {
            let probe: VersionProbe = try decode(VersionProbe.self, from: data, json: isJSON)
            guard let found = probe.openapi else {
                if probe.swagger != nil {
                    throw OpenAPIImportError(file: file, message: "Swagger 2.0 is not supported; convert it to OpenAPI 3 first")
                }
                throw OpenAPIImportError(file: file, message: "no top-level 'openapi' version: not an OpenAPI document")
            }
            version = found
        } catch let error as OpenAPIImportError {
            throw error
        } catch {
            throw OpenAPIImportError(file: file, message: isJSON ? "not valid JSON" : "not valid YAML or JSON")
        }
        do {
            if version.hasPrefix("3.0") {
                let document = try decode(OpenAPIKit30.OpenAPI.Document.self, from: data, json: isJSON)
                return Loaded(document: document.convert(to: .v3_1_1), siblings: ReferenceSiblings.read(data, json: isJSON))
            }
            if version.hasPrefix("3.1") || version.hasPrefix("3.2") {
                let document = try decode(OpenAPIKit.OpenAPI.Document.self, from: data, json: isJSON)
                return Loaded(document: document, siblings: ReferenceSiblings.read(data, json: isJSON))
            }
        } catch {
            throw OpenAPIImportError(file: file, message: Self.describe(error))
        }
        throw OpenAPIImportError(file: file, message: "OpenAPI version '\(version)' is not supported (3.0 and 3.1 are)")
    }

    // MARK: Helpers

    private struct VersionProbe: Decodable {
        let openapi: String?
        let swagger: String?
    }

    /// Decodes with Yams for JSON too: JSON is YAML, and Yams keeps the order of object members,
    /// which Foundation's decoder on Linux does not (drafts must be byte-stable).
    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, json: Bool) throws -> T {
        try YAMLDecoder().decode(type, from: data)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// OpenAPIKit's own description of a decoding failure, which names the path in the document.
    private static func describe(_ error: any Error) -> String {
        let described = OpenAPIKit.OpenAPI.Error(from: error).localizedDescription
        // One line: OpenAPIKit explains nested failures over several lines.
        let line = described.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        var trimmed = Substring(line)
        while trimmed.hasSuffix("..") { trimmed = trimmed.dropLast() }
        return "not a valid OpenAPI document: " + trimmed
    }
}
