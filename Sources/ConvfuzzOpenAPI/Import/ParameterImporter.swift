import ConvfuzzSpec
import OpenAPIKit

/// Converts OpenAPI query parameters into `ParameterSpec`s.
struct ParameterImporter {
    /// The document's components, for `$ref`s.
    let components: OpenAPI.Components
    /// Keywords beside a parameter schema's `$ref`, which the model drops.
    let siblings: (OpenAPI.Parameter) -> ReferenceSiblings.Keywords?

    // MARK: Converting

    /// The convfuzz form of one query parameter, or nil; what cannot be represented goes to `notes`.
    func convert(_ parameter: OpenAPI.Parameter, notes: inout [String]) -> ParameterSpec? {
        guard case .a(let context) = parameter.schemaOrContent else {
            notes.append("parameter '\(parameter.name)' is described by content, not a schema; left out")
            return nil
        }
        let schema: JSONSchema
        switch context.schema {
        case .b(let inline): schema = inline
        case .a:
            guard let resolved = try? components.lookup(context.schema) else {
                notes.append("parameter '\(parameter.name)' refers to a schema that is not in the document; left out")
                return nil
            }
            schema = resolved
        }
        let shape = SchemaShape.read(schema, components: components)
        var spec = ParameterSpec(name: parameter.name, type: .string)
        let sibling = siblings(parameter)
        spec.deprecated = parameter.deprecated || shape.deprecated || sibling?.deprecated == true
        spec.defaultValue = sibling?.defaultValue ?? shape.defaultValue
        spec.summary = parameter.description ?? schema.description
        var decimal = shape.kind == .number
        switch shape.kind {
        case .array:
            let itemSchema = shape.schema.arrayContext?.items
            let item = itemSchema.map { SchemaShape.read($0, components: components) }
            guard let item, let itemType = scalarType(item) else {
                notes.append("parameter '\(parameter.name)' is an array of \(item.map { describe($0.kind) } ?? "unspecified items"); left out")
                return nil
            }
            spec.type = .list
            decimal = item.kind == .number
            let bounds: (minimum: Int64?, maximum: Int64?) = item.kind == .integer ? item.integerBounds : (nil, nil)
            spec.items = ItemSpec(type: itemType, values: itemType == .enum ? item.values : [],
                                  minimum: bounds.minimum, maximum: bounds.maximum)
            spec.maxItems = shape.schema.arrayContext?.maxItems
            if !context.explode {
                notes.append("parameter '\(parameter.name)' is a list with explode: false (comma-joined); convfuzz sends lists as repeated keys; left out")
                return nil
            }
        default:
            guard let type = scalarType(shape) else {
                notes.append("parameter '\(parameter.name)' is \(describe(shape.kind)); left out")
                return nil
            }
            spec.type = type
            if type == .enum { spec.values = shape.values }
            if type == .integer {
                let bounds = shape.integerBounds
                spec.minimum = bounds.minimum
                spec.maximum = bounds.maximum
            }
        }
        if decimal {
            notes.append("parameter '\(parameter.name)' is a decimal number; convfuzz has no decimal parameter type, so it is drafted as a string")
        }
        return spec
    }

    // MARK: Helpers

    private func scalarType(_ shape: SchemaShape) -> ParameterType? {
        switch shape.kind {
        case .string: return shape.values.isEmpty ? .string : .enum
        case .integer: return .integer
        case .boolean: return .boolean
        case .number: return .string
        case .any where shape.alternatives.isEmpty: return .string
        default: return nil
        }
    }

    private func describe(_ kind: SchemaShape.Kind) -> String {
        switch kind {
        case .any: return "a union of several types"
        case .object: return "an object"
        case .array: return "an array"
        case .null: return "always null"
        default: return "\(kind)"
        }
    }
}
