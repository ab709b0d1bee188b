extension JSONValue {
    /// The member named `key` when this value is an object that has it; otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` when this value is an array and `index` is in range; otherwise `nil`.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The string payload, or `nil` when this is not a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean payload, or `nil` when this is not a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number payload, or `nil` when this is not a number.
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an `Int64` when it is an integer in range; otherwise `nil`.
    public var int64Value: Int64? { numberValue?.int64Value }

    /// The number as a `Double`, or `nil` when this is not a number.
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// The elements, or `nil` when this is not an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The object, or `nil` when this is not an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// `true` only for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON Schema type name: `"null"`, `"boolean"`, `"integer"` (a number
    /// whose text has no fraction and no exponent), `"number"`, `"string"`,
    /// `"array"` or `"object"`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The text of a scalar as it would appear in a query string or a message:
    /// a string as is (unquoted), a number as its raw text, `true`/`false`, or
    /// `null`. `nil` for arrays and objects.
    public var wireText: String? {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let number): number.text
        case .string(let value): value
        case .array, .object: nil
        }
    }
}
