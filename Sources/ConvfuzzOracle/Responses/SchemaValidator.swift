import ConvfuzzJSON
import ConvfuzzSpec

/// Validates JSON values against the spec's schema subset.
///
/// Rules: `required`, `types` (`integer` is a number whose text has no fraction
/// or exponent; `number` accepts integers), `nullable` (on the referring node or
/// the referenced definition), `enum` (strings), `items`, `additional` (map
/// values), `minimum`/`maximum`, `min_items`, `closed`, and duplicate object keys.
public struct SchemaValidator: Sendable {
    /// The response spec (for `ref` resolution).
    public let response: ResponseSpec
    /// Stop after this many violations.
    public var limit: Int

    /// Creates a validator over a spec's response definitions.
    public init(spec: Spec, limit: Int = 200) {
        self.init(response: spec.response, limit: limit)
    }

    /// Creates a validator over response definitions.
    public init(response: ResponseSpec, limit: Int = 200) {
        self.response = response
        self.limit = limit
    }

    /// The violations of `value` against `node`, at most ``limit``.
    public func validate(_ value: JSONValue, against node: SchemaNode) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        var path: [JSONPath.Component] = []
        walk(value, node, &path, nullable: false, into: &out)
        return out
    }

    /// The violations of a success body.
    public func validateSuccess(_ value: JSONValue) -> [SchemaViolation] { validate(value, against: response.schema) }

    /// The violations of a validation-error body.
    public func validateError(_ value: JSONValue) -> [SchemaViolation] { validate(value, against: response.errorSchema) }

    /// Walks `value` against `raw`; `stack` is the current path, pushed and popped around each
    /// child so that a clean document allocates no paths (only a violation builds a `JSONPath`).
    private func walk(_ value: JSONValue, _ raw: SchemaNode, _ stack: inout [JSONPath.Component], nullable: Bool,
                      into out: inout [SchemaViolation]) {
        guard out.count < limit else { return }
        var path: JSONPath { JSONPath(stack) }
        let node = response.resolve(raw)
        let types = node.types
        if value.isNull {
            if !(nullable || raw.nullable || node.nullable || types.isEmpty || types.contains(.null)) {
                out.append(SchemaViolation(path: path, kind: .null, message: "null is not allowed (expected \(typeList(types)))"))
            }
            return
        }
        if !types.isEmpty && !types.contains(where: { Self.matches(value, $0) }) {
            out.append(SchemaViolation(path: path, kind: .type,
                                       message: "expected \(typeList(types)), got \(value.typeName) \(Excerpt.clip(short(value)))"))
            return
        }
        switch value {
        case .string(let text):
            if !node.enumValues.isEmpty && !node.enumValues.contains(text) {
                out.append(SchemaViolation(path: path, kind: .enum,
                                           message: "\"\(Excerpt.clip(text))\" is not one of \(node.enumValues.joined(separator: "|"))"))
            }
        case .number(let number):
            checkBounds(number, node, stack, into: &out)
        case .array(let elements):
            if let minItems = node.minItems, elements.count < minItems {
                out.append(SchemaViolation(path: path, kind: .minItems, message: "\(elements.count) items, at least \(minItems) required"))
            }
            if let itemNode = node.items {
                for (index, element) in elements.enumerated() {
                    stack.append(.index(index))
                    walk(element, itemNode, &stack, nullable: false, into: &out)
                    stack.removeLast()
                }
            }
        case .object(let object):
            checkObject(object, node, &stack, into: &out)
        case .null, .bool:
            break
        }
    }

    private func checkObject(_ object: JSONObject, _ node: SchemaNode, _ stack: inout [JSONPath.Component],
                             into out: inout [SchemaViolation]) {
        func path(_ component: JSONPath.Component) -> JSONPath { JSONPath(stack + [component]) }
        if object.hasDuplicateKeys {
            for key in Set(object.duplicateKeys).sorted() {
                out.append(SchemaViolation(path: path(.key(key)), kind: .duplicateKey, message: "key \"\(key)\" occurs more than once"))
            }
        }
        // Each key's declared position, found once (in declared order, one comparison a key), which
        // also says which required properties are present without a lookup of each.
        var positions: [Int?] = []
        positions.reserveCapacity(object.count)
        var present = [Bool](repeating: false, count: node.properties.count)
        var hint = 0
        for (key, _) in object.entries {
            let position = node.propertyPosition(key, hint: hint)
            positions.append(position)
            if let position {
                present[position] = true
                hint = position + 1
            }
        }
        for (name, position) in zip(node.required, node.requiredPositions) {
            let absent = position.map { !present[$0] } ?? (object[name] == nil)
            if absent {
                out.append(SchemaViolation(path: path(.key(name)), kind: .required, message: "required property is absent"))
            }
        }
        for ((key, value), position) in zip(object.entries, positions) {
            if let position {
                stack.append(.key(key))
                walk(value, node.properties[position].schema, &stack, nullable: false, into: &out)
                stack.removeLast()
            } else if let additional = node.additional {
                stack.append(.mapKey(key))
                walk(value, additional, &stack, nullable: false, into: &out)
                stack.removeLast()
            } else if node.closed {
                out.append(SchemaViolation(path: path(.key(key)), kind: .undeclared, message: "undeclared property"))
            }
        }
    }

    private func checkBounds(_ number: JSONNumber, _ node: SchemaNode, _ stack: [JSONPath.Component],
                             into out: inout [SchemaViolation]) {
        guard node.minimum != nil || node.maximum != nil else { return }
        let path = JSONPath(stack)
        let value = number.doubleValue
        if let minimum = node.minimum, value < minimum {
            out.append(SchemaViolation(path: path, kind: .minimum, message: "\(number.text) is below the minimum \(trim(minimum))"))
        }
        if let maximum = node.maximum, value > maximum {
            out.append(SchemaViolation(path: path, kind: .maximum, message: "\(number.text) is above the maximum \(trim(maximum))"))
        }
    }

    /// Whether a non-null value has a schema type.
    public static func matches(_ value: JSONValue, _ type: SchemaType) -> Bool {
        switch (type, value) {
        case (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array), (.null, .null), (.number, .number):
            return true
        case (.integer, .number(let number)):
            return number.isInteger
        default:
            return false
        }
    }

    private func typeList(_ types: [SchemaType]) -> String {
        types.isEmpty ? "any" : types.map(\.rawValue).joined(separator: "|")
    }

    private func short(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): return "(\(items.count) items)"
        case .object(let object): return "(\(object.count) keys)"
        default: return value.description
        }
    }

    private func trim(_ bound: Double) -> String {
        bound.wholeNumberText ?? String(bound)
    }
}
