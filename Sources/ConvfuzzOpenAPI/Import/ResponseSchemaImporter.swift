import ConvfuzzSpec
import OpenAPIKit

/// Converts a JSON schema of the document into the spec's schema subset.
///
/// A `$ref` to `#/components/schemas/NAME` stays a `ref: NAME`, and `NAME` becomes a definition,
/// so recursive schemas stay finite.
struct ResponseSchemaImporter {
    /// The document's components, for `$ref`s.
    let components: OpenAPI.Components
    /// Converted definitions, in the order they were finished.
    private(set) var definitions: [(name: String, schema: SchemaNode)] = []
    private var started: Set<String> = []

    /// An importer reading references from `components`.
    init(components: OpenAPI.Components) {
        self.components = components
    }

    // MARK: Converting

    /// The spec form of `schema`.
    mutating func node(_ schema: JSONSchema) -> SchemaNode {
        node(schema, nullable: false)
    }

    private mutating func node(_ schema: JSONSchema, nullable outerNullable: Bool) -> SchemaNode {
        let nullable = outerNullable || schema.nullable
        switch schema.value {
        case .reference(let reference, _):
            guard let name = reference.name, let target = try? components.lookup(schema) else {
                return SchemaNode(types: SchemaType.allCases.filter { $0 != .null }, nullable: nullable)
            }
            define(name, target)
            return SchemaNode(nullable: nullable, ref: name)
        case .any(of: let options, core: _), .one(of: let options, core: _):
            let concrete = options.filter { if case .null = $0.value { return false } else { return true } }
            let nullable = nullable || concrete.count < options.count
            if concrete.count == 1 { return node(concrete[0], nullable: nullable) }
            let parts = concrete.map { node($0, nullable: false) }
            if parts.allSatisfy({ $0.ref == nil && $0.properties.isEmpty && $0.items == nil && $0.enumValues.isEmpty }) {
                var types: [SchemaType] = []
                for part in parts { for type in part.types where !types.contains(type) { types.append(type) } }
                return SchemaNode(types: types, nullable: nullable)
            }
            return SchemaNode(types: anyType, nullable: nullable)
        case .all(of: let parts, core: _) where parts.count == 1:
            return node(parts[0], nullable: nullable)
        case .string:
            let values = (schema.allowedValues ?? []).compactMap { SchemaShape.wireText($0.value) }
            return SchemaNode(types: [.string], nullable: nullable, enumValues: values)
        case .integer, .number:
            let bounds = SchemaShape.read(schema, components: components).numericBounds
            return SchemaNode(types: [schema.isInteger ? .integer : .number], nullable: nullable,
                              minimum: bounds.minimum, maximum: bounds.maximum)
        case .boolean:
            return SchemaNode(types: [.boolean], nullable: nullable)
        case .null:
            return SchemaNode(types: [.null])
        case .array(_, let context):
            let items = context.items.map { node($0, nullable: false) }
            return SchemaNode(types: [.array], nullable: nullable, items: items,
                              minItems: context.minItems > 0 ? context.minItems : nil)
        case .object(_, let context):
            var properties: [(name: String, schema: SchemaNode)] = []
            for (name, property) in context.properties {
                properties.append((name, node(property, nullable: false)))
            }
            var additional: SchemaNode?
            var closed = false
            switch context.additionalProperties {
            case .b(let schema)?: additional = node(schema, nullable: false)
            case .a(let allowed)?: closed = !allowed
            case nil: break
            }
            // OpenAPIKit does not keep the order of `required`; declaration order keeps drafts byte-stable.
            let requiredNames = Set(context.requiredProperties)
            let required = properties.map(\.name).filter { requiredNames.contains($0) }
            return SchemaNode(types: [.object], nullable: nullable, required: required, properties: properties,
                              additional: additional, closed: closed)
        case .all, .not, .fragment:
            return SchemaNode(types: anyType, nullable: nullable)
        }
    }

    private mutating func define(_ name: String, _ target: JSONSchema) {
        guard started.insert(name).inserted else { return }
        let converted = node(target, nullable: false)
        definitions.append((name, converted))
    }

    private var anyType: [SchemaType] { [.string, .integer, .number, .boolean, .object, .array] }
}
