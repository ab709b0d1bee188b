import ConvfuzzContract
import ConvfuzzSpec

extension MetamorphicPlanner {
    /// The grammar, match and field names of a grammar filter.
    struct GrammarParts {
        let filter: FilterSpec
        let grammar: GrammarSpec
        let match: MatchSpec
        let idField: String

        /// The operator tokens of the op field that mean `op`.
        func tokens(for op: FilterOperator) -> [String] {
            guard let opField = match.opField, let field = grammar.field(named: opField) else { return [] }
            return field.values.filter { match.operator(forToken: $0) == op }
        }

        /// A grammar item from field values, in grammar order, stopping at the first absent field.
        func compose(_ fields: [String: String]) -> String {
            var parts: [String] = []
            for field in grammar.fields {
                guard let value = fields[field.name] else { break }
                parts.append(value)
            }
            return parts.joined(separator: grammar.separator)
        }
    }

    /// The grammar parts of a free grammar filter.
    func grammarParts(_ filter: FilterSpec) -> GrammarParts? {
        guard filter.op == .grammar, let match = filter.match, let grammar = filter.grammar.flatMap({ spec.grammars[$0] }),
              let idField = filter.grammarIDField(in: grammar)
        else { return nil }
        return GrammarParts(filter: filter, grammar: grammar, match: match, idField: idField)
    }

    /// Ids and values seen in a grammar parameter's candidate items.
    func grammarSamples(_ parts: GrammarParts, _ context: PlanningContext) -> (ids: [String], values: [String: [String]]) {
        var ids: [String] = []
        var values: [String: [String]] = [:]
        for raw in context.candidates[parts.filter.param] ?? [] {
            let item = GrammarSplitter.item(raw, grammar: parts.grammar)
            guard let id = item[parts.idField], !id.isEmpty else { continue }
            if !ids.contains(id) { ids.append(id) }
            if let value = item[parts.match.field], !value.isEmpty, !(values[id] ?? []).contains(value) {
                values[id, default: []].append(value)
            }
        }
        // Ids the target holds (the id field's pool, as candidates of a parameter drawing from it) when
        // any is known: an id nothing holds makes exists/missing and eq/neq trivially true.
        if let pool = parts.grammar.field(named: parts.idField)?.pool {
            let held = Set(spec.parameters.filter { $0.valuePool == pool }.flatMap { context.candidates[$0.name] ?? [] })
            let known = ids.filter(held.contains)
            if !known.isEmpty { ids = known }
        }
        let enumValues = parts.grammar.field(named: parts.match.field)?.values ?? []
        if !enumValues.isEmpty { for id in ids { values[id, default: []] += enumValues.filter { !(values[id] ?? []).contains($0) } } }
        return (ids, values)
    }

    /// `CF-META-DISJOINT` for grammar equalities: one id has one result, so two different
    /// equal-to values of the same id share no item.
    func grammarDisjointPlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter -> RelationPlan? in
            guard let parts = grammarParts(filter) else { return nil }
            let eqToken: String?
            if parts.match.op == .eq { eqToken = nil } else if let token = parts.tokens(for: .eq).first { eqToken = token } else { return nil }
            if parts.match.op != nil && parts.match.op != .eq { return nil }
            let samples = grammarSamples(parts, context)
            for id in samples.ids {
                let values = samples.values[id] ?? []
                guard let a = values.first, let b = values.dropFirst().first(where: { TextMatch.equal(a, $0) == false }) else { continue }
                func item(_ value: String) -> String {
                    var fields = [parts.idField: id, parts.match.field: value]
                    if let opField = parts.match.opField, let eqToken { fields[opField] = eqToken }
                    return parts.compose(fields)
                }
                return RelationPlan(check: .metaDisjoint, parameter: filter.param, detail: "grammar-eq",
                                    description: "\(filter.param)=\(item(a)) and \(filter.param)=\(item(b)) must share no id",
                                    queries: [context.query(filter.param, item(a)), context.query(filter.param, item(b))],
                                    relation: .disjoint(0, 1))
            }
            return nil
        }
    }

    /// `CF-META-PARTITION`: exists/missing partition the base; eq v/neq v partition exists;
    /// the empty-value forms (per `empty_means`) partition the base too.
    func partitionPlans(_ context: PlanningContext) -> [RelationPlan] {
        var plans: [RelationPlan] = []
        for filter in context.freeFilters {
            guard let parts = grammarParts(filter), let opField = parts.match.opField else { continue }
            let samples = grammarSamples(parts, context)
            for id in samples.ids {
            func item(_ token: String, _ value: String?) -> String {
                var fields = [parts.idField: id, opField: token]
                if let value { fields[parts.match.field] = value }
                return parts.compose(fields)
            }
            func plan(_ detail: String, whole: [QueryItem], _ a: String, _ b: String) -> RelationPlan {
                RelationPlan(check: .metaPartition, parameter: filter.param, detail: detail,
                             description: "\(filter.param)=\(a) and \(filter.param)=\(b) must partition \(whole.count == context.base.count ? "the base" : "the collected set")",
                             queries: [whole, context.query(filter.param, a), context.query(filter.param, b)],
                             relation: .partition(whole: 0, parts: [1, 2]))
            }
            let exists = parts.tokens(for: .exists).first, missing = parts.tokens(for: .missing).first
            if let exists, let missing {
                plans.append(plan("\(exists)/\(missing)", whole: context.base, item(exists, nil), item(missing, nil)))
            }
            if let exists, let eq = parts.tokens(for: .eq).first, let neq = parts.tokens(for: .neq).first,
               let value = samples.values[id]?.first {
                plans.append(plan("\(eq)/\(neq)", whole: context.query(filter.param, item(exists, nil)), item(eq, value), item(neq, value)))
            }
            let emptyMissing = parts.grammar.valueRules.flatMap { rule in rule.emptyMeans.filter { $0.value == .missing }.map(\.key) }.sorted().first
            let emptyExists = parts.grammar.valueRules.flatMap { rule in rule.emptyMeans.filter { $0.value == .exists }.map(\.key) }.sorted().first
            if let emptyMissing, let emptyExists {
                plans.append(plan("\(emptyMissing)-empty/\(emptyExists)-empty", whole: context.base, item(emptyMissing, ""), item(emptyExists, "")))
            }
            }
        }
        return plans
    }
}
