import ConvfuzzSpec

/// Small helpers to write YAML text that `SpecLoader` reads back exactly.
enum YAMLText {
    // MARK: Scalars

    /// `text` as a YAML scalar: plain when that is unambiguous, double-quoted (every character kept) otherwise.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : YAMLScalar.quoted(text)
    }

    /// A flow list of scalars: `[a, b, 'c d']`.
    static func list(_ values: [String]) -> String {
        "[" + values.map(scalar).joined(separator: ", ") + "]"
    }

    /// A number without a trailing `.0` when it is whole.
    static func number(_ value: Double) -> String {
        value.wholeNumberText ?? String(value)
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !reserved.contains(text.lowercased()) else { return false }
        guard first.properties.isAlphabetic || first == "_" || first == "/" else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                               || "_-./".unicodeScalars.contains(scalar))
        }
    }

    // MARK: Schemas

    /// Appends `node` under `key` at `indent` spaces, as the spec's schema subset.
    static func schema(_ node: SchemaNode, key: String, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        if isLeaf(node) {
            lines.append("\(pad)\(key) \(flow(node))")
            return
        }
        lines.append("\(pad)\(key)")
        let inner = String(repeating: " ", count: indent + 2)
        for entry in attributes(node) { lines.append("\(inner)\(entry.key): \(entry.value)") }
        if !node.required.isEmpty { lines.append("\(inner)required: \(list(node.required))") }
        if !node.properties.isEmpty {
            lines.append("\(inner)properties:")
            for property in node.properties {
                schema(property.schema, key: scalar(property.name) + ":", indent: indent + 4, into: &lines)
            }
        }
        if let additional = node.additional { schema(additional, key: "additional:", indent: indent + 2, into: &lines) }
        if let items = node.items { schema(items, key: "items:", indent: indent + 2, into: &lines) }
    }

    private static func isLeaf(_ node: SchemaNode) -> Bool {
        node.properties.isEmpty && node.required.isEmpty && node.additional.map(isLeaf) != false
            && node.items.map(isLeaf) != false && node.enumValues.count <= 12
    }

    private static func flow(_ node: SchemaNode) -> String {
        var parts = attributes(node).map { "\($0.key): \($0.value)" }
        if let additional = node.additional { parts.append("additional: \(flow(additional))") }
        if let items = node.items { parts.append("items: \(flow(items))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func attributes(_ node: SchemaNode) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        if let ref = node.ref { result.append(("ref", scalar(ref))) }
        if node.types.count == 1 {
            result.append(("type", node.types[0].rawValue))
        } else if !node.types.isEmpty {
            result.append(("type", list(node.types.map(\.rawValue))))
        }
        if node.nullable { result.append(("nullable", "true")) }
        if !node.enumValues.isEmpty { result.append(("enum", list(node.enumValues))) }
        if node.closed { result.append(("closed", "true")) }
        if let minItems = node.minItems { result.append(("min_items", String(minItems))) }
        if let minimum = node.minimum { result.append(("minimum", number(minimum))) }
        if let maximum = node.maximum { result.append(("maximum", number(maximum))) }
        return result
    }
}
