import ConvfuzzHTTPSyntax

/// Cross-checks a loaded spec: every name a section refers to must exist and fit.
public enum SpecLinter {
    /// Lints a spec; throws the first problem found.
    public static func lint(_ spec: Spec, file: String) throws(SpecError) {
        try lint(spec, file: file, lines: LineIndex())
    }

    static func lint(_ spec: Spec, file: String, lines: LineIndex) throws(SpecError) {
        var seen = Set<String>()
        for parameter in spec.parameters {
            guard !parameter.name.isEmpty else { throw SpecError(file: file, line: parameter.line, message: "a parameter has an empty name") }
            guard seen.insert(parameter.name).inserted else {
                throw SpecError(file: file, line: parameter.line, message: "parameter '\(parameter.name)' is declared twice")
            }
            try lintParameter(parameter, spec: spec, file: file)
        }
        for role in ParameterRole.allCases where spec.parameters.filter({ $0.role == role }).count > 1 {
            throw SpecError(file: file, line: lines.section("parameters"), message: "more than one parameter has role \(role.rawValue)")
        }
        for grammar in spec.grammars.values { try lintGrammar(grammar, file: file) }
        for relation in spec.relations {
            for name in [relation.lower, relation.upper] {
                guard let parameter = spec.parameter(named: name) else {
                    throw SpecError(file: file, line: relation.line, message: "relation names unknown parameter '\(name)'")
                }
                guard parameter.type == .integer else {
                    throw SpecError(file: file, line: relation.line, message: "relation parameter '\(name)' must be an integer")
                }
            }
        }
        for filter in spec.filters { try lintFilter(filter, spec: spec, file: file) }
        for projection in spec.projections {
            guard let parameter = spec.parameter(named: projection.param) else {
                throw SpecError(file: file, line: projection.line, message: "projection names unknown parameter '\(projection.param)'")
            }
            for value in projection.when.keys where parameter.type == .enum && !parameter.values.contains(value) {
                throw SpecError(file: file, line: projection.line, message: "projection of '\(projection.param)' names value '\(value)', which is not in its enum")
            }
        }
        try lintPagination(spec, file: file, line: lines.section("pagination"))
        for (section, mediaType) in [("response", spec.response.mediaType), ("errors", spec.errors.mediaType)]
        where !isMediaType(mediaType) {
            throw SpecError(file: file, line: lines.section(section),
                            message: "\(section).media_type '\(mediaType)' is not a media type such as application/json (type/subtype, no parameters)")
        }
        try lintAuth(spec, file: file)
        try lintSchema(spec.response.schema, spec: spec, file: file)
        for node in spec.response.definitions.values { try lintSchema(node, spec: spec, file: file) }
    }

    static func lintParameter(_ parameter: ParameterSpec, spec: Spec, file: String) throws(SpecError) {
        let name = parameter.name
        if let minimum = parameter.minimum, let maximum = parameter.maximum, minimum > maximum {
            throw SpecError(file: file, line: parameter.line, message: "parameter '\(name)' has minimum \(minimum) above maximum \(maximum)")
        }
        if (parameter.minimum != nil || parameter.maximum != nil) && parameter.type != .integer {
            throw SpecError(file: file, line: parameter.line, message: "parameter '\(name)' has bounds but is not an integer")
        }
        if let value = parameter.defaultValue {
            switch parameter.type {
            case .integer:
                guard let number = Int64(value) else {
                    throw SpecError(file: file, line: parameter.line, message: "default of '\(name)' is not an integer: '\(value)'")
                }
                if let minimum = parameter.minimum, number < minimum {
                    throw SpecError(file: file, line: parameter.line, message: "default of '\(name)' is below its minimum")
                }
                if let maximum = parameter.maximum, number > maximum {
                    throw SpecError(file: file, line: parameter.line, message: "default of '\(name)' is above its maximum")
                }
            case .enum:
                guard parameter.values.contains(value) else {
                    throw SpecError(file: file, line: parameter.line, message: "default of '\(name)' is not one of its values: '\(value)'")
                }
            default:
                break
            }
        }
        if let grammar = parameter.grammarName, spec.grammars[grammar] == nil {
            throw SpecError(file: file, line: parameter.line, message: "parameter '\(name)' uses unknown grammar '\(grammar)'")
        }
        if parameter.unit != nil && parameter.type != .integer {
            throw SpecError(file: file, line: parameter.line, message: "parameter '\(name)' has a unit but is not an integer")
        }
        if parameter.identifier && parameter.valueType != .string {
            throw SpecError(file: file, line: parameter.line, message: "parameter '\(name)' is an identifier but its values are not strings")
        }
        if parameter.role == .pageSize && parameter.type != .integer {
            throw SpecError(file: file, line: parameter.line, message: "page_size role needs an integer parameter")
        }
    }

    static func lintGrammar(_ grammar: GrammarSpec, file: String) throws(SpecError) {
        for field in grammar.fields {
            if let selector = field.dependsOn {
                guard let selectorField = grammar.field(named: selector) else {
                    throw SpecError(file: file, line: grammar.line, message: "grammar '\(grammar.name)': field '\(field.name)' depends on unknown field '\(selector)'")
                }
                for value in selectorField.values where grammar.rule(for: value) == nil {
                    throw SpecError(file: file, line: grammar.line, message: "grammar '\(grammar.name)': no value rule covers '\(value)'")
                }
            }
        }
        for rule in grammar.valueRules {
            for selector in rule.selectors {
                let known = grammar.fields.contains { $0.values.contains(selector) }
                guard known else {
                    throw SpecError(file: file, line: grammar.line, message: "grammar '\(grammar.name)': value rule names unknown selector '\(selector)'")
                }
            }
        }
    }

    static func lintFilter(_ filter: FilterSpec, spec: Spec, file: String) throws(SpecError) {
        guard let parameter = spec.parameter(named: filter.param) else {
            throw SpecError(file: file, line: filter.line, message: "filter names unknown parameter '\(filter.param)'")
        }
        if filter.op.isSetOperator && !parameter.isList {
            throw SpecError(file: file, line: filter.line, message: "filter op \(filter.op.rawValue) needs a list parameter, but '\(filter.param)' is \(parameter.type.rawValue)")
        }
        if filter.op.isComparison && parameter.valueType != .integer {
            throw SpecError(file: file, line: filter.line, message: "filter op \(filter.op.rawValue) needs an integer parameter, but '\(filter.param)' is \(parameter.valueType.rawValue)")
        }
        if filter.emptyMeans != nil {
            guard parameter.type == .string, [.eq, .containsCI].contains(filter.op) else {
                throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)': empty_means is only for text filters (a string parameter with op eq or contains_ci)")
            }
        }
        if filter.op == .grammar {
            guard let grammarName = filter.grammar, let grammar = spec.grammars[grammarName] else {
                throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)' names unknown grammar '\(filter.grammar ?? "")'")
            }
            if let match = filter.match {
                guard grammar.field(named: match.field) != nil else {
                    throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)': match.field '\(match.field)' is not a field of grammar '\(grammarName)'")
                }
                if let opField = match.opField {
                    guard let field = grammar.field(named: opField) else {
                        throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)': match.op_field '\(opField)' is not a field of grammar '\(grammarName)'")
                    }
                    for token in field.values where match.operator(forToken: token) == nil {
                        throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)': operator token '\(token)' has no meaning (add it to match.op_map)")
                    }
                } else if match.op == nil {
                    throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)': match needs 'op' or 'op_field'")
                }
            }
        }
        if let results = filter.results, spec.parameter(named: results.param) == nil {
            throw SpecError(file: file, line: filter.line, message: "filter on '\(filter.param)': results.param '\(results.param)' is not a parameter")
        }
    }

    static func lintPagination(_ spec: Spec, file: String, line: Int) throws(SpecError) {
        let pagination = spec.pagination
        for name in [pagination.cursorParam, pagination.pageSizeParam] + [pagination.order.directionParam, pagination.windowParam].compactMap({ $0 }) {
            guard spec.parameter(named: name) != nil else {
                throw SpecError(file: file, line: line, message: "pagination names unknown parameter '\(name)'")
            }
        }
        if let pageSize = spec.parameter(named: pagination.pageSizeParam) {
            if let maximum = pageSize.maximum, maximum != Int64(pagination.maxPageSize) {
                throw SpecError(file: file, line: line, message: "pagination.max_page_size \(pagination.maxPageSize) disagrees with \(pageSize.name).maximum \(maximum)")
            }
            if let value = pageSize.defaultValue, value != String(pagination.defaultPageSize) {
                throw SpecError(file: file, line: line, message: "pagination.default_page_size \(pagination.defaultPageSize) disagrees with \(pageSize.name).default \(value)")
            }
        }
        let itemSchema = spec.response.schema.property(pagination.itemsField).flatMap { $0.items }.map { spec.response.resolve($0) }
        guard let itemSchema else {
            throw SpecError(file: file, line: line, message: "response.schema has no array property '\(pagination.itemsField)' (pagination.items_field)")
        }
        for field in [pagination.idField, pagination.order.key] + [pagination.order.tieBreak, pagination.timeField].compactMap({ $0 }) {
            guard itemSchema.property(field) != nil else {
                throw SpecError(file: file, line: line, message: "pagination names item field '\(field)', which the item schema does not declare")
            }
        }
        for field in [pagination.nextCursorField, pagination.hasMoreField] where spec.response.schema.property(field) == nil {
            throw SpecError(file: file, line: line, message: "pagination names response field '\(field)', which response.schema does not declare")
        }
    }

    static func lintAuth(_ spec: Spec, file: String) throws(SpecError) {
        let auth = spec.auth
        guard HTTPToken.isToken(auth.header) else {
            throw SpecError(file: file, line: auth.lines.header, message: "auth.header '\(auth.header)' is not an HTTP header name")
        }
        guard !auth.unauthorizedStatuses.isEmpty else {
            throw SpecError(file: file, line: auth.lines.statuses, message: "auth.unauthorized_statuses is empty: a refusal needs a status")
        }
        for status in auth.unauthorizedStatuses where !(400...499).contains(status) || status == spec.errors.validationStatus {
            throw SpecError(file: file, line: auth.lines.statuses,
                            message: "auth.unauthorized_statuses holds \(status), which is not a 4xx status apart from the validation status")
        }
        if let schema = auth.refusalSchema { try lintSchema(schema, spec: spec, file: file) }
        let tenancy = auth.tenancy
        if case .refused(let statuses) = tenancy.foreignOwner {
            for status in statuses where !(400...499).contains(status) {
                throw SpecError(file: file, line: tenancy.lines.statuses, message: "auth.tenancy.foreign_statuses holds \(status), which is not a 4xx status")
            }
        }
        if let owner = tenancy.ownerParam {
            guard spec.parameter(named: owner) != nil else {
                throw SpecError(file: file, line: tenancy.lines.owner, message: "auth.tenancy.owner_param names unknown parameter '\(owner)'")
            }
            guard spec.filters(on: owner).contains(where: { $0.op == .eq && $0.field != nil }) else {
                throw SpecError(file: file, line: tenancy.lines.owner,
                                message: "auth.tenancy.owner_param '\(owner)' needs an eq filter on an item field (filters)")
            }
        }
    }

    static func lintSchema(_ node: SchemaNode, spec: Spec, file: String) throws(SpecError) {
        if let ref = node.ref, spec.response.definitions[ref] == nil {
            throw SpecError(file: file, line: node.line, message: "schema ref '\(ref)' is not under response.definitions")
        }
        for property in node.properties { try lintSchema(property.schema, spec: spec, file: file) }
        if let items = node.items { try lintSchema(items, spec: spec, file: file) }
        if let additional = node.additional { try lintSchema(additional, spec: spec, file: file) }
    }

    /// `type/subtype` with token characters only (no parameters, no spaces).
    static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let token = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-")
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(token.contains) }
    }
}
