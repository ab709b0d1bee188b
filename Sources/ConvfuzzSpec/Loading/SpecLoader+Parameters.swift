extension SpecLoader {
    static func loadParameters(_ root: MappingReader) throws(SpecError) -> [ParameterSpec] {
        guard let nodes = try root.sequence("parameters"), !nodes.isEmpty else {
            throw root.error("parameters", "spec needs a non-empty 'parameters' list")
        }
        var result: [ParameterSpec] = []
        for (index, node) in nodes.enumerated() {
            result.append(try loadParameter(node, file: root.file, path: "parameters[\(index)]"))
        }
        return result
    }

    static func loadParameter(_ node: YAMLNode, file: String, path: String) throws(SpecError) -> ParameterSpec {
        let reader = try MappingReader(node, file: file, path: path)
        try reader.rejectUnknownKeys(["name", "type", "values", "minimum", "maximum", "default", "items", "max_items",
                                      "role", "deprecated", "helper", "pool", "unit", "identifier", "description"])
        let name = try reader.string("name")
        guard let type = try reader.choice("type", as: ParameterType.self) else {
            throw reader.error("type", "\(path) ('\(name)') needs a 'type'")
        }
        var items: ItemSpec?
        if let itemReader = try reader.mapping("items") {
            items = try loadItem(itemReader)
        }
        if type == .list && items == nil {
            throw reader.error("name", "list parameter '\(name)' needs 'items'")
        }
        if type != .list && items != nil {
            throw reader.error("items", "'items' is only for list parameters, but '\(name)' is \(type.rawValue)")
        }
        let values = try reader.stringList("values") ?? []
        if type == .enum && values.isEmpty {
            throw reader.error("name", "enum parameter '\(name)' needs 'values'")
        }
        return ParameterSpec(
            name: name, type: type, values: values,
            minimum: try reader.optionalInt64("minimum"), maximum: try reader.optionalInt64("maximum"),
            defaultValue: try reader.optionalString("default"), items: items,
            maxItems: try reader.optionalInt("max_items"), role: try reader.choice("role", as: ParameterRole.self),
            deprecated: try reader.bool("deprecated", default: false), helper: try reader.bool("helper", default: false),
            pool: try reader.optionalString("pool"), unit: try reader.choice("unit", as: ValueUnit.self),
            identifier: try reader.bool("identifier", default: false), summary: try reader.optionalString("description"),
            line: reader.line
        )
    }

    static func loadItem(_ reader: MappingReader) throws(SpecError) -> ItemSpec {
        try reader.rejectUnknownKeys(["type", "values", "grammar", "pool", "minimum", "maximum"])
        guard let type = try reader.choice("type", as: ParameterType.self) else {
            throw reader.error("type", "\(reader.path) needs a 'type'")
        }
        if type == .list { throw reader.error("type", "\(reader.path): lists of lists are not supported") }
        let values = try reader.stringList("values") ?? []
        if type == .enum && values.isEmpty { throw reader.error("type", "\(reader.path): enum items need 'values'") }
        return ItemSpec(type: type, values: values, grammar: try reader.optionalString("grammar"),
                        pool: try reader.optionalString("pool"), minimum: try reader.optionalInt64("minimum"),
                        maximum: try reader.optionalInt64("maximum"))
    }
}
