import ConvfuzzContract
import ConvfuzzSpec

extension MetamorphicPlanner {
    /// `CF-META-SUBSET`: base ⊇ base + filter, for every filter (hidden ones included).
    func subsetPlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard let value = context.values(filter.param).first else { return nil }
            return RelationPlan(check: .metaSubset, parameter: filter.param, detail: filter.op.rawValue,
                                description: "adding \(filter.param)=\(value) must not add ids",
                                queries: [context.base, context.query(filter.param, value)], relation: .subset(sub: 1, of: 0))
        }
    }

    /// `CF-META-AND`: base + f1 + f2 = (base + f1) ∩ (base + f2), for every pair of filters.
    func andPlans(_ context: PlanningContext) -> [RelationPlan] {
        let usable = context.freeFilters.compactMap { filter in context.values(filter.param).first.map { (filter, $0) } }
        var plans: [RelationPlan] = []
        for (i, first) in usable.enumerated() {
            for second in usable[(i + 1)...] {
                let a = QueryItem(first.0.param, first.1), b = QueryItem(second.0.param, second.1)
                plans.append(RelationPlan(check: .metaAnd, parameter: "\(a.name)+\(b.name)", detail: "and",
                                          description: "\(a.name)=\(a.value) and \(b.name)=\(b.value) together must give the intersection",
                                          queries: [context.query([a]), context.query([b]), context.query([a, b])],
                                          relation: .intersection(result: 2, of: [0, 1])))
            }
        }
        return plans
    }

    /// `CF-META-UNION`: a two-value list filter against its single-value queries
    /// (union for any-of operators, intersection for none-of and for grammar items, which are ANDed).
    func unionPlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard context.spec.parameter(named: filter.param)?.isList == true else { return nil }
            let values = context.values(filter.param)
            guard values.count >= 2 else { return nil }
            let anyOf: Bool
            switch filter.op {
            case .in, .intersects: anyOf = true
            case .notIn, .grammar: anyOf = false
            default: return nil
            }
            let a = QueryItem(filter.param, values[0]), b = QueryItem(filter.param, values[1])
            return RelationPlan(check: .metaUnion, parameter: filter.param, detail: filter.op.rawValue,
                                description: "\(filter.param)=[\(a.value), \(b.value)] must be the \(anyOf ? "union" : "intersection") of the single values",
                                queries: [context.query([a]), context.query([b]), context.query([a, b])],
                                relation: anyOf ? .union(result: 2, of: [0, 1]) : .intersection(result: 2, of: [0, 1]))
        }
    }

    /// `CF-META-DISJOINT`: two different values of a single-valued scalar equality.
    /// `CF-META-CASE`: a case-insensitive text filter gives the same ids for a value and its case variant.
    func casePlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard filter.op == .containsCI else { return nil }
            // ASCII words here (their upper case is their case variant under every folding); non-ASCII
            // letters are varied by `unicodeCasePlans` under the declared `case_folding`.
            guard let value = context.values(filter.param).first(where: { $0.allSatisfy(\.isASCII) && $0.uppercased() != $0.lowercased() })
            else { return nil }
            let variant = value == value.uppercased() ? value.lowercased() : value.uppercased()
            return RelationPlan(check: .metaCase, parameter: filter.param, detail: "contains_ci",
                                description: "\(filter.param)=\(value) and \(filter.param)=\(variant) must return the same ids",
                                queries: [context.query(filter.param, value), context.query(filter.param, variant)],
                                relation: .equal(0, 1))
        }
    }

    func disjointPlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard filter.op == .eq, context.spec.parameter(named: filter.param)?.isList == false,
                  (filter.visibility == .visible && filter.field != nil) || filter.singleValued else { return nil }
            let values = context.values(filter.param)
            guard let a = values.first, let b = values.dropFirst().first(where: { Self.certainlyDifferent(a, $0) }) else { return nil }
            return RelationPlan(check: .metaDisjoint, parameter: filter.param, detail: "eq",
                                description: "\(filter.param)=\(a) and \(filter.param)=\(b) must share no id",
                                queries: [context.query(filter.param, a), context.query(filter.param, b)], relation: .disjoint(0, 1))
        }
    }

    /// `CF-META-MONOTONE`: a tighter bound gives a subset of a looser one.
    func monotonePlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard filter.op.isComparison, context.spec.parameter(named: filter.param)?.isList == false else { return nil }
            let numeric = context.values(filter.param).compactMap { text in DecimalValue(text).map { (text, $0) } }
            guard let low = numeric.min(by: { $0.1 < $1.1 }), let high = numeric.max(by: { $0.1 < $1.1 }), low.1 < high.1 else { return nil }
            // A lower bound (gt/gte) is tighter when higher; an upper bound (lt/lte) when lower.
            let lowerBound = filter.op == .gt || filter.op == .gte
            let (loose, tight) = lowerBound ? (low.0, high.0) : (high.0, low.0)
            return RelationPlan(check: .metaMonotone, parameter: filter.param, detail: filter.op.rawValue,
                                description: "\(filter.param)=\(tight) is tighter than \(filter.param)=\(loose) and must not add ids",
                                queries: [context.query(filter.param, loose), context.query(filter.param, tight)],
                                relation: .subset(sub: 1, of: 0))
        }
    }

    /// True when two values differ under every reading (text and, for numbers, value).
    static func certainlyDifferent(_ a: String, _ b: String) -> Bool {
        if let x = DecimalValue(a), let y = DecimalValue(b) { return x != y }
        return TextMatch.equal(a, b) == false
    }
}
