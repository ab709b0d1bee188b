extension SpecLoader {
    static func loadRelations(_ root: MappingReader) throws(SpecError) -> [RelationSpec] {
        var result: [RelationSpec] = []
        for (index, node) in (try root.sequence("relations") ?? []).enumerated() {
            let reader = try MappingReader(node, file: root.file, path: "relations[\(index)]")
            try reader.rejectUnknownKeys(["kind", "lower", "upper", "on_conflict"])
            result.append(RelationSpec(kind: try reader.choice("kind", as: RelationSpec.Kind.self) ?? .range,
                                       lower: try reader.string("lower"), upper: try reader.string("upper"),
                                       onConflict: try reader.choice("on_conflict", as: RelationSpec.Conflict.self) ?? .empty,
                                       line: reader.line))
        }
        return result
    }

    static func loadFilters(_ root: MappingReader) throws(SpecError) -> [FilterSpec] {
        var result: [FilterSpec] = []
        for (index, node) in (try root.sequence("filters") ?? []).enumerated() {
            let reader = try MappingReader(node, file: root.file, path: "filters[\(index)]")
            try reader.rejectUnknownKeys(["param", "field", "op", "null_matches", "visible", "single_valued",
                                          "empty_means", "case_folding", "grammar", "results", "match"])
            let param = try reader.string("param")
            guard let op = try reader.choice("op", as: FilterOperator.self) else {
                throw reader.error("param", "filter on '\(param)' needs an 'op'")
            }
            let visibility = try reader.choice("visible", as: FilterVisibility.self) ?? .visible
            var results: ResultsSpec?
            if let resultsReader = try reader.mapping("results") {
                try resultsReader.rejectUnknownKeys(["param", "field", "value_path", "id_field"])
                results = ResultsSpec(param: try resultsReader.string("param"), field: try resultsReader.string("field"),
                                      valuePath: try resultsReader.stringList("value_path") ?? [],
                                      idField: try resultsReader.optionalString("id_field"))
            }
            var match: MatchSpec?
            if let matchReader = try reader.mapping("match") {
                try matchReader.rejectUnknownKeys(["field", "op", "op_field", "op_map"])
                var opMap: [String: FilterOperator] = [:]
                for entry in try matchReader.stringMap("op_map") ?? [] {
                    guard let mapped = FilterOperator(rawValue: entry.value) else {
                        throw SpecError(file: root.file, line: entry.line, message: "unknown operator '\(entry.value)' in op_map")
                    }
                    opMap[entry.key] = mapped
                }
                match = MatchSpec(field: try matchReader.string("field"), op: try matchReader.choice("op", as: FilterOperator.self),
                                  opField: try matchReader.optionalString("op_field"), opMap: opMap)
            }
            let field = try reader.optionalString("field")
            if visibility == .visible && field == nil && op != .grammar {
                throw reader.error("param", "visible filter on '\(param)' needs the item 'field' it compares")
            }
            let grammarName = try reader.optionalString("grammar")
            if op == .grammar && (grammarName == nil || match == nil) {
                throw reader.error("op", "grammar filter on '\(param)' needs 'grammar' and 'match'")
            }
            if visibility == .viaResults && results == nil {
                throw reader.error("visible", "filter on '\(param)' is visible via_results but has no 'results'")
            }
            result.append(FilterSpec(param: param, field: field, op: op,
                                     nullMatches: try reader.bool("null_matches", default: false),
                                     visibility: visibility, singleValued: try reader.bool("single_valued", default: false),
                                     emptyMeans: try reader.choice("empty_means", as: EmptyMeaning.self),
                                     caseFolding: try reader.choice("case_folding", as: CaseFolding.self) ?? .simple,
                                     grammar: grammarName, results: results, match: match,
                                     line: reader.line))
        }
        return result
    }

    static func loadProjections(_ root: MappingReader) throws(SpecError) -> [ProjectionSpec] {
        var result: [ProjectionSpec] = []
        for (index, node) in (try root.sequence("projections") ?? []).enumerated() {
            let reader = try MappingReader(node, file: root.file, path: "projections[\(index)]")
            try reader.rejectUnknownKeys(["param", "field", "when", "keys"])
            var when: [String: ProjectionRule] = [:]
            for entry in try reader.stringMap("when") ?? [] {
                guard let rule = ProjectionRule(rawValue: entry.value) else {
                    let allowed = ProjectionRule.allCases.map(\.rawValue).joined(separator: ", ")
                    throw SpecError(file: root.file, line: entry.line,
                                    message: "unknown projection rule '\(entry.value)' (allowed: \(allowed))")
                }
                when[entry.key] = rule
            }
            let keys = try reader.choice("keys", as: ProjectionSpec.KeysRule.self)
            if when.isEmpty && keys == nil {
                throw reader.error("param", "projection '\(reader.path)' needs 'when' or 'keys'")
            }
            result.append(ProjectionSpec(param: try reader.string("param"), field: try reader.string("field"),
                                         when: when, keys: keys, line: reader.line))
        }
        return result
    }

    static func loadPagination(_ root: MappingReader) throws(SpecError) -> PaginationSpec {
        let reader = try root.requiredMapping("pagination")
        try reader.rejectUnknownKeys(["items_field", "id_field", "cursor_param", "next_cursor_field", "has_more_field",
                                      "page_size_param", "default_page_size", "max_page_size", "order", "cursor",
                                      "growth", "time_field", "window_param"])
        let orderReader = try reader.requiredMapping("order")
        try orderReader.rejectUnknownKeys(["key", "tie_break", "direction_param", "default_direction", "values"])
        var values: [SortDirection: String] = [.asc: "asc", .desc: "desc"]
        for entry in try orderReader.stringMap("values") ?? [] {
            guard let direction = SortDirection(rawValue: entry.key) else {
                throw SpecError(file: root.file, line: entry.line, message: "order.values keys must be asc and desc, found '\(entry.key)'")
            }
            values[direction] = entry.value
        }
        let order = OrderSpec(key: try orderReader.string("key"), tieBreak: try orderReader.optionalString("tie_break"),
                              directionParam: try orderReader.optionalString("direction_param"),
                              defaultDirection: try orderReader.choice("default_direction", as: SortDirection.self) ?? .desc,
                              values: values)
        var binding = PaginationSpec.CursorBinding.position
        var invalidStatus = 422
        if let cursor = try reader.mapping("cursor") {
            try cursor.rejectUnknownKeys(["binds", "invalid_status"])
            binding = try cursor.choice("binds", as: PaginationSpec.CursorBinding.self) ?? .position
            invalidStatus = try cursor.optionalInt("invalid_status") ?? 422
        }
        let defaultSize = try reader.optionalInt("default_page_size") ?? 30
        let maxSize = try reader.optionalInt("max_page_size") ?? 100
        guard defaultSize >= 1, maxSize >= defaultSize else {
            throw reader.error("default_page_size", "pagination needs 1 <= default_page_size <= max_page_size")
        }
        return PaginationSpec(
            itemsField: try reader.string("items_field"), idField: try reader.string("id_field"),
            cursorParam: try reader.string("cursor_param"), nextCursorField: try reader.string("next_cursor_field"),
            hasMoreField: try reader.string("has_more_field"), pageSizeParam: try reader.string("page_size_param"),
            defaultPageSize: defaultSize, maxPageSize: maxSize, order: order, cursorBinding: binding,
            invalidCursorStatus: invalidStatus, growth: try reader.choice("growth", as: PaginationSpec.Growth.self) ?? .head,
            timeField: try reader.optionalString("time_field"), windowParam: try reader.optionalString("window_param"))
    }
}
