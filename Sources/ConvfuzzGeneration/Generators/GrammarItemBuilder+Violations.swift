import ConvfuzzContract
import ConvfuzzSpec

extension GrammarItemBuilder {
    /// Malformations that apply to this grammar, derived from its fields and value rules, in a fixed order.
    var violationDetails: [String] {
        var details: [String] = []
        let fields = grammar.fields
        if fields.count >= 2, fields[1].required || fields[1].nonEmpty || !fields[1].values.isEmpty {
            details += ["no-separator", "trailing-separator"]
        }
        if dependentIndex != nil, !selectors(of: [.any, .decimal, .list]).isEmpty { details.append("missing-value") }
        if fields.first?.nonEmpty == true { details += ["empty-first", "empty-item"] }
        for field in fields where !field.values.isEmpty {
            details.append("unknown-\(field.name)")
            if field.values.contains(where: { $0.uppercased() != $0 }) { details.append("case-\(field.name)") }
            details.append("homoglyph-\(field.name)")
        }
        if let last = fields.last, !last.values.isEmpty, last.dependsOn == nil, grammar.maxSplits >= fields.count - 1 {
            details.append("extra-separator")
        }
        if !selectors(of: [.decimal]).isEmpty {
            details += ["decimal-non-numeric", "decimal-leading-dot", "decimal-trailing-dot", "decimal-exponent", "decimal-empty"]
        }
        if grammar.valueRules.contains(where: { $0.kind == .list && ($0.itemsNonEmpty || $0.minItems > 0) }) {
            details += ["list-empty", "list-empty-item", "list-trailing-separator"]
        }
        if !selectors(of: [.none]).isEmpty { details.append("none-with-value") }
        return details
    }

    /// A malformed item for a detail of `violationDetails`.
    func violation(_ detail: String, _ source: ChoiceSource) -> String {
        let separator = grammar.separator
        switch detail {
        case "no-separator":
            return validParts(source)[0] ?? ""
        case "trailing-separator":
            return (validParts(source)[0] ?? "") + separator
        case "missing-value":
            guard let dependent = dependentIndex else { return "" }
            let selector = source.pick(from: selectors(of: [.any, .decimal, .list]))
            return join(Array(validParts(source, selector: selector).prefix(dependent)))
        case "empty-first":
            var parts = validParts(source)
            parts[0] = ""
            return join(parts)
        case "empty-item":
            return ""
        case "extra-separator":
            return valid(source) + separator + source.pick(from: SimpleText.plainTokens)
        case "decimal-non-numeric", "decimal-leading-dot", "decimal-trailing-dot", "decimal-exponent", "decimal-empty":
            let bad = ["decimal-non-numeric": ["abc", "NaN", "1,5", "five"], "decimal-leading-dot": [".5"],
                       "decimal-trailing-dot": ["5."], "decimal-exponent": ["1e3", "2E-1"], "decimal-empty": [""]]
            return withDependent(selectors(of: [.decimal]), source) { _ in source.pick(from: bad[detail] ?? [""]) }
        case "list-empty", "list-empty-item", "list-trailing-separator":
            return withDependent(selectors(of: [.list]), source) { rule in
                let sep = rule.listSeparator ?? "|"
                switch detail {
                case "list-empty": return ""
                case "list-empty-item": return "\(SimpleText.plainTokens[0])\(sep)\(sep)\(SimpleText.plainTokens[1])"
                default: return "\(source.pick(from: SimpleText.plainTokens))\(sep)"
                }
            }
        case "none-with-value":
            return withDependent(selectors(of: [.none]), source) { _ in source.pick(from: SimpleText.plainTokens) }
        default:
            return fieldViolation(detail, source)
        }
    }

    /// `unknown-F`, `case-F`, `homoglyph-F`: a bad value in enum field F, the rest valid.
    func fieldViolation(_ detail: String, _ source: ChoiceSource) -> String {
        guard let dash = detail.firstIndex(of: "-") else { return valid(source) }
        let kind = String(detail[..<dash])
        let name = String(detail[detail.index(after: dash)...])
        guard let index = grammar.fields.firstIndex(where: { $0.name == name }) else { return valid(source) }
        var parts = validParts(source)
        let field = grammar.fields[index]
        let base = parts[index] ?? source.pick(from: field.values)
        let bad: String
        switch kind {
        case "unknown":
            let tokens = SimpleText.unknownTokens.filter { token in !field.values.contains { ByteOrder.same($0, token) } }
            bad = tokens.isEmpty ? base + "_x" : source.pick(from: tokens)
        case "case":
            bad = source.bool(probability: 0.5) ? Homoglyphs.title(base) : base.uppercased()
        default:
            bad = Homoglyphs.substitute(base, source)
        }
        parts[index] = bad
        if index == selectorIndex, let dependent = dependentIndex, dependent < parts.count {
            parts[dependent] = parts[dependent] ?? source.pick(from: SimpleText.plainTokens)
        }
        return join(parts)
    }
}
