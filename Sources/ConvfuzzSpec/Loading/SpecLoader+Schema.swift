extension SpecLoader {
    static func loadResponse(_ root: MappingReader) throws(SpecError) -> ResponseSpec {
        let reader = try root.requiredMapping("response")
        try reader.rejectUnknownKeys(["status", "schema", "definitions", "media_type"])
        guard let schemaNode = reader.node("schema") else { throw reader.error("schema", "response needs 'schema'") }
        var definitions: [String: SchemaNode] = [:]
        if let defs = try reader.mapping("definitions") {
            for name in defs.keys {
                definitions[name] = try loadSchema(defs.node(name)!, file: root.file, path: "response.definitions.\(name)")
            }
        }
        let errorSchema: SchemaNode
        if let node = root.node("error_schema") {
            errorSchema = try loadSchema(node, file: root.file, path: "error_schema")
        } else {
            errorSchema = SchemaNode(types: [.object])
        }
        return ResponseSpec(status: try reader.optionalInt("status") ?? 200,
                            schema: try loadSchema(schemaNode, file: root.file, path: "response.schema"),
                            definitions: definitions, errorSchema: errorSchema,
                            mediaType: (try reader.optionalString("media_type") ?? "application/json").lowercased())
    }

    static func loadSchema(_ node: YAMLNode, file: String, path: String) throws(SpecError) -> SchemaNode {
        let reader = try MappingReader(node, file: file, path: path)
        try reader.rejectUnknownKeys(["type", "nullable", "enum", "required", "properties", "additional", "closed",
                                      "items", "min_items", "minimum", "maximum", "ref", "description"])
        var types: [SchemaType] = []
        for text in try reader.stringList("type") ?? [] {
            guard let type = SchemaType(rawValue: text) else {
                let allowed = SchemaType.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error("type", "\(path).type has unknown type '\(text)' (allowed: \(allowed))")
            }
            types.append(type)
        }
        let ref = try reader.optionalString("ref")
        if types.isEmpty && ref == nil {
            throw SpecError(file: file, line: reader.line, message: "\(path) needs a 'type' or a 'ref'")
        }
        var properties: [(name: String, schema: SchemaNode)] = []
        if let props = try reader.mapping("properties") {
            for name in props.keys {
                properties.append((name, try loadSchema(props.node(name)!, file: file, path: "\(path).properties.\(name)")))
            }
        }
        let required = try reader.stringList("required") ?? []
        for name in required where !properties.contains(where: { $0.name == name }) {
            throw reader.error("required", "\(path).required names '\(name)', which is not under properties")
        }
        return SchemaNode(
            types: types, nullable: try reader.bool("nullable", default: false),
            enumValues: try reader.stringList("enum") ?? [], required: required, properties: properties,
            additional: try reader.node("additional").map { node throws(SpecError) in
                try loadSchema(node, file: file, path: "\(path).additional")
            },
            closed: try reader.bool("closed", default: false),
            items: try reader.node("items").map { node throws(SpecError) in
                try loadSchema(node, file: file, path: "\(path).items")
            },
            minItems: try reader.optionalInt("min_items"), minimum: try reader.optionalDouble("minimum"),
            maximum: try reader.optionalDouble("maximum"), ref: ref, line: reader.line)
    }
}
