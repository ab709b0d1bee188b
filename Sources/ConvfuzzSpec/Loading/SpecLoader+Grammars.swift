extension SpecLoader {
    static func loadGrammars(_ root: MappingReader) throws(SpecError) -> [String: GrammarSpec] {
        guard let reader = try root.mapping("grammars") else { return [:] }
        var result: [String: GrammarSpec] = [:]
        for name in reader.keys {
            result[name] = try loadGrammar(name: name, reader: try reader.requiredMapping(name))
        }
        return result
    }

    static func loadGrammar(name: String, reader: MappingReader) throws(SpecError) -> GrammarSpec {
        try reader.rejectUnknownKeys(["separator", "max_splits", "fields", "value_rules"])
        let separator = try reader.string("separator")
        guard !separator.isEmpty else { throw reader.error("separator", "grammar '\(name)' has an empty separator") }
        guard let fieldNodes = try reader.sequence("fields"), !fieldNodes.isEmpty else {
            throw reader.error("fields", "grammar '\(name)' needs 'fields'")
        }
        var fields: [GrammarField] = []
        for (index, node) in fieldNodes.enumerated() {
            let field = try MappingReader(node, file: reader.file, path: "\(reader.path).fields[\(index)]")
            try field.rejectUnknownKeys(["name", "non_empty", "required", "values", "pool", "depends_on"])
            fields.append(GrammarField(
                name: try field.string("name"), nonEmpty: try field.bool("non_empty", default: false),
                required: try field.bool("required", default: false), values: try field.stringList("values") ?? [],
                pool: try field.optionalString("pool"), dependsOn: try field.optionalString("depends_on")))
        }
        let maxSplits = try reader.optionalInt("max_splits") ?? (fields.count - 1)
        guard maxSplits == fields.count - 1 else {
            throw reader.error("max_splits", "grammar '\(name)': max_splits must be the number of fields minus one (\(fields.count - 1))")
        }
        var rules: [GrammarValueRule] = []
        for (index, node) in (try reader.sequence("value_rules") ?? []).enumerated() {
            rules.append(try loadValueRule(MappingReader(node, file: reader.file, path: "\(reader.path).value_rules[\(index)]")))
        }
        return GrammarSpec(name: name, separator: separator, maxSplits: maxSplits, fields: fields,
                           valueRules: rules, line: reader.line)
    }

    static func loadValueRule(_ reader: MappingReader) throws(SpecError) -> GrammarValueRule {
        try reader.rejectUnknownKeys(["ops", "value", "pattern", "list_separator", "items_non_empty", "min_items", "empty_means"])
        guard let selectors = try reader.stringList("ops"), !selectors.isEmpty else {
            throw reader.error("ops", "\(reader.path) needs 'ops'")
        }
        guard let kind = try reader.choice("value", as: GrammarValueKind.self) else {
            throw reader.error("value", "\(reader.path) needs 'value'")
        }
        let pattern = try reader.optionalString("pattern")
        if let pattern { try PatternCheck.validate(pattern, reader: reader, key: "pattern") }
        if kind == .decimal && pattern == nil { throw reader.error("value", "\(reader.path): a decimal value needs a 'pattern'") }
        let separator = try reader.optionalString("list_separator")
        if kind == .list && (separator ?? "").isEmpty {
            throw reader.error("value", "\(reader.path): a list value needs a 'list_separator'")
        }
        var emptyMeans: [String: FilterOperator] = [:]
        for entry in try reader.stringMap("empty_means") ?? [] {
            guard let op = FilterOperator(rawValue: entry.value), op == .exists || op == .missing else {
                throw SpecError(file: reader.file, line: entry.line, message: "\(reader.path).empty_means.\(entry.key) must be exists or missing")
            }
            emptyMeans[entry.key] = op
        }
        return GrammarValueRule(selectors: selectors, kind: kind, pattern: pattern, listSeparator: separator,
                                itemsNonEmpty: try reader.bool("items_non_empty", default: false),
                                minItems: try reader.optionalInt("min_items") ?? 0, emptyMeans: emptyMeans)
    }
}
