import Foundation
import OpenAPIKitCore
import Yams

/// Keywords written beside a parameter schema's `$ref`, which OpenAPIKit drops.
///
/// OpenAPI 3.1 allows `schema: {$ref: '#/components/schemas/SortDirection', default: desc}`.
/// OpenAPIKit 6.4 decodes a parameter's schema as a reference first, so the sibling `default`
/// and `deprecated` are lost. This reads only those two keywords of `$ref` parameter schemas.
public struct ReferenceSiblings: Sendable {
    /// One parameter's sibling keywords.
    public struct Keywords: Sendable, Equatable {
        /// The sibling `default`, as wire text.
        public var defaultValue: String?
        /// The sibling `deprecated`.
        public var deprecated: Bool
    }

    /// Path → lowercased method → `location:name` → keywords.
    private var entries: [String: [String: [String: Keywords]]] = [:]

    /// No siblings.
    public init() {}

    /// The sibling keywords of the parameter `name` in `location` of `method path`, if any.
    public func keywords(path: String, method: String, location: String, name: String) -> Keywords? {
        entries[path]?[method.lowercased()]?["\(location):\(name)"] ?? entries[path]?["*"]?["\(location):\(name)"]
    }

    // MARK: Reading

    private struct Document: Decodable {
        var paths: [String: [String: FlexibleOperation]]?
    }

    /// A path item member: an operation (with parameters), or anything else (ignored).
    private struct FlexibleOperation: Decodable {
        var parameters: [Parameter]?

        init(from decoder: any Decoder) throws {
            if let list = try? decoder.singleValueContainer().decode([Parameter].self) {
                parameters = list  // the path item's own `parameters`, shared by its operations
            } else {
                parameters = try? decoder.container(keyedBy: Key.self).decodeIfPresent([Parameter].self, forKey: .parameters)
            }
        }

        private enum Key: String, CodingKey { case parameters }
    }

    private struct Parameter: Decodable {
        var name: String?
        var location: String?
        var schema: Schema?

        private enum CodingKeys: String, CodingKey {
            case name, location = "in", schema
        }
    }

    private struct Schema: Decodable {
        var ref: String?
        var defaultValue: AnyCodable?
        var deprecated: Bool?

        private enum CodingKeys: String, CodingKey {
            case ref = "$ref", defaultValue = "default", deprecated
        }
    }

    /// Reads the siblings from document bytes; an unreadable document gives none.
    static func read(_ data: Data, json: Bool) -> ReferenceSiblings {
        var result = ReferenceSiblings()
        let document: Document?
        if json {
            document = try? JSONDecoder().decode(Document.self, from: data)
        } else {
            document = try? YAMLDecoder().decode(Document.self, from: data)
        }
        for (path, members) in document?.paths ?? [:] {
            for (member, operation) in members {
                let method = member == "parameters" ? "*" : member.lowercased()
                for parameter in operation.parameters ?? [] {
                    guard let name = parameter.name, let location = parameter.location,
                          let schema = parameter.schema, schema.ref != nil,
                          schema.defaultValue != nil || schema.deprecated != nil else { continue }
                    let keywords = Keywords(defaultValue: schema.defaultValue.flatMap { SchemaShape.wireText($0.value) },
                                            deprecated: schema.deprecated ?? false)
                    result.entries[path, default: [:]][method, default: [:]]["\(location):\(name)"] = keywords
                }
            }
        }
        return result
    }
}
