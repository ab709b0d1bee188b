import ConvfuzzSpec
import OpenAPIKit

/// What one JSON schema says once references are followed and `anyOf [X, null]` is unwrapped.
///
/// Parameters and response fields are read through this one view, so nullable unions, `$ref`
/// with sibling keywords and `allOf` of one schema all mean the same thing everywhere.
struct SchemaShape {
    // MARK: Model

    /// The concrete kind after unwrapping.
    enum Kind: Equatable {
        case string, integer, number, boolean, object, array, null, any
    }

    /// The concrete kind.
    var kind: Kind
    /// The concrete schema (references followed), for its contexts.
    var schema: JSONSchema
    /// Whether null is allowed.
    var nullable: Bool
    /// Enum values as wire text (empty when open).
    var values: [String]
    /// The default as wire text.
    var defaultValue: String?
    /// Marked deprecated at any level.
    var deprecated: Bool
    /// The component name when the concrete schema was a `$ref` to `#/components/schemas/NAME`.
    var componentName: String?
    /// More than one non-null alternative (`anyOf`/`oneOf` of several kinds).
    var alternatives: [Kind]

    // MARK: Reading

    /// Reads `schema`, following references through `components` (at most 32 hops).
    static func read(_ schema: JSONSchema, components: OpenAPI.Components) -> SchemaShape {
        var shape = SchemaShape(kind: .any, schema: schema, nullable: false, values: [], defaultValue: nil,
                                deprecated: false, componentName: nil, alternatives: [])
        shape.absorb(schema, components: components, hops: 0)
        return shape
    }

    private mutating func absorb(_ schema: JSONSchema, components: OpenAPI.Components, hops: Int) {
        if schema.nullable { nullable = true }
        if schema.deprecated { deprecated = true }
        // A referenced schema's own default is the parameter's only when the parameter cannot be
        // null (an optional `anyOf [X, null]` defaults to absent, not to X's default).
        if defaultValue == nil, hops == 0 || !nullable, let value = schema.defaultValue {
            defaultValue = Self.wireText(value.value)
        }
        if values.isEmpty, let allowed = schema.allowedValues {
            values = allowed.compactMap { Self.wireText($0.value) }
        }
        guard hops < 32 else { return }
        switch schema.value {
        case .reference(let reference, _):
            if componentName == nil || hops == 0 { componentName = reference.name }
            if let target = try? components.lookup(schema) {
                absorb(target, components: components, hops: hops + 1)
            }
        case .any(of: let options, core: _), .one(of: let options, core: _):
            let concrete = options.filter { !Self.isNull($0, components: components) }
            if concrete.count < options.count { nullable = true }
            if concrete.count == 1 {
                absorb(concrete[0], components: components, hops: hops + 1)
            } else {
                kind = .any
                alternatives = concrete.map { SchemaShape.read($0, components: components).kind }
            }
        case .all(of: let parts, core: _) where parts.count == 1:
            absorb(parts[0], components: components, hops: hops + 1)
        case .string: set(.string, schema)
        case .integer: set(.integer, schema)
        case .number: set(.number, schema)
        case .boolean: set(.boolean, schema)
        case .object: set(.object, schema)
        case .array: set(.array, schema)
        case .null: set(.null, schema)
        case .all, .not, .fragment:
            kind = .any
            self.schema = schema
        }
    }

    private mutating func set(_ kind: Kind, _ schema: JSONSchema) {
        self.kind = kind
        self.schema = schema
    }

    private static func isNull(_ schema: JSONSchema, components: OpenAPI.Components) -> Bool {
        if case .null = schema.value { return true }
        return false
    }

    // MARK: Integer bounds

    /// Inclusive integer bounds (exclusive bounds moved one step in).
    var integerBounds: (minimum: Int64?, maximum: Int64?) {
        guard let context = schema.integerContext else { return (nil, nil) }
        let minimum = context.minimum.map { Int64($0.value) + ($0.exclusive ? 1 : 0) }
        let maximum = context.maximum.map { Int64($0.value) - ($0.exclusive ? 1 : 0) }
        return (minimum, maximum)
    }

    /// Inclusive numeric bounds, for response schemas.
    var numericBounds: (minimum: Double?, maximum: Double?) {
        if let context = schema.integerContext {
            return (context.minimum.map { Double($0.value) }, context.maximum.map { Double($0.value) })
        }
        if let context = schema.numberContext {
            return (context.minimum.map(\.value), context.maximum.map(\.value))
        }
        return (nil, nil)
    }

    // MARK: Wire text

    /// A JSON scalar as the text a query would carry.
    static func wireText(_ value: Any) -> String? {
        switch value {
        case let bool as Bool: return bool ? "true" : "false"
        case let int as Int: return String(int)
        case let int as Int64: return String(int)
        case let double as Double:
            return double.wholeNumberText ?? String(double)
        case let string as String: return string
        default: return nil
        }
    }
}
