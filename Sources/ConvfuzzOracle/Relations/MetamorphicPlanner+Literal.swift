import ConvfuzzContract
import ConvfuzzSpec

extension MetamorphicPlanner {
    /// Metacharacters put into a word known to match, per backend they are special to, with the
    /// plan detail: SQL `LIKE` wildcards, a regex, a glob.
    static let literalForms: [(detail: String, meta: String)] = [
        ("like-percent", "%"), ("like-underscore", "_"), ("regex", ".*"), ("glob", "*"),
    ]

    /// `CF-META-LITERAL` for hidden text filters (`contains_ci`, `eq`): a metacharacter substituted into a
    /// word that matches (`he%lo` for `hello`) is literal text, so it cannot match every id the word
    /// matches; a metacharacter alone cannot match every id of the base. For hidden list filters read
    /// per `wire.lists: repeated-keys`, a comma inside one value is part of it: `a,b` cannot match every
    /// id `a` matches.
    func literalPlans(_ context: PlanningContext) -> [RelationPlan] {
        var plans: [RelationPlan] = []
        for filter in context.freeFilters where filter.visibility == .hidden {
            guard let parameter = context.spec.parameter(named: filter.param) else { continue }
            let values = context.values(filter.param)
            if !parameter.isList, parameter.type == .string, filter.op == .containsCI || filter.op == .eq {
                let words = values.filter { word in
                    word.count >= 3 && !word.contains(where: { "%_*.?[]\\^$()+|'\"".contains($0) })
                }
                let forms = filter.op == .containsCI ? Self.literalForms : Array(Self.literalForms.prefix(1))
                for form in forms {
                    for word in words.prefix(1) {
                        let characters = Array(word)
                        let middle = characters.count / 2
                        let literal = String(characters[..<middle]) + form.meta + String(characters[(middle + 1)...])
                        plans.append(RelationPlan(check: .metaLiteral, parameter: filter.param, detail: form.detail,
                                                  description: "\(filter.param)=\(literal) is literal text and must not match every id \(filter.param)=\(word) matches",
                                                  queries: [context.query(filter.param, word), context.query(filter.param, literal)],
                                                  relation: .literal(literal: 1, word: 0)))
                    }
                }
                if filter.op == .containsCI {
                    plans.append(RelationPlan(check: .metaLiteral, parameter: filter.param, detail: "whole-percent",
                                              description: "\(filter.param)=% is literal text and must not match every id",
                                              queries: [context.base, context.query(filter.param, "%")],
                                              relation: .literal(literal: 1, word: 0)))
                }
            }
            if parameter.isList, filter.op == .in || filter.op == .intersects {
                let plain = values.filter { !$0.isEmpty && !$0.contains(",") }
                guard plain.count >= 2 else { continue }
                let joined = plain[0] + "," + plain[1]
                plans.append(RelationPlan(check: .metaLiteral, parameter: filter.param, detail: "separator",
                                          description: "\(filter.param)=\(joined) is one value (wire.lists: repeated-keys) and must not match every id \(filter.param)=\(plain[0]) matches",
                                          queries: [context.query(filter.param, plain[0]), context.query(filter.param, joined)],
                                          relation: .literal(literal: 1, word: 0)))
            }
        }
        return plans
    }

    /// `CF-META-CASE` for non-ASCII letters: a value and its other case under the filter's declared
    /// `case_folding` (simple folding: `é`/`É`, `ς`/`Σ`, `ß`/`ẞ`; never `ß`/`SS`, `ı`/`I`) give the same ids.
    func unicodeCasePlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard filter.op == .containsCI else { return nil }
            for value in context.values(filter.param) where CaseFolder.hasNonASCIICase(value, filter.caseFolding) {
                guard let variant = CaseFolder.upperVariant(value, filter.caseFolding) else { continue }
                return RelationPlan(check: .metaCase, parameter: filter.param, detail: "contains_ci-unicode",
                                    description: "\(filter.param)=\(value) and \(filter.param)=\(variant) fold alike (\(filter.caseFolding.rawValue) case folding) and must return the same ids",
                                    queries: [context.query(filter.param, value), context.query(filter.param, variant)],
                                    relation: .equal(0, 1))
            }
            return nil
        }
    }
}
