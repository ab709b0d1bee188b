import ConvfuzzSpec

extension GrammarItemBuilder {
    /// Valid items at the edge of the grammar that apply to this grammar, in a fixed order.
    var edgeDetails: [String] {
        var details: [String] = []
        let first = grammar.fields.first
        if let first, first.values.isEmpty {
            details += ["first-field-unicode", "first-field-punctuation"]
        }
        if !selectors(of: [.any]).isEmpty { details += ["any-with-separator", "any-empty"] }
        if !selectors(of: [.none]).isEmpty { details.append("none-trailing-separator") }
        if !selectors(of: [.decimal]).isEmpty { details.append("decimal-signed-fraction") }
        if !selectors(of: [.list]).isEmpty { details += ["list-many", "list-item-with-separator"] }
        return details
    }

    /// An edge item for a detail of `edgeDetails`.
    func edge(_ detail: String, _ source: ChoiceSource) -> String {
        switch detail {
        case "first-field-unicode", "first-field-punctuation":
            var parts = validParts(source)
            let candidates = detail == "first-field-unicode"
                ? ["\u{0438}\u{0434}-\u{00E9}", "e\u{0301}", "\u{1F600}", "\u{05D0}\u{05D1}"]
                : ["a-b_c.d~e", "a,b", "a|b", "a b", "50%", "a+b", "a=b", "a&b"]
            parts[0] = source.pick(from: candidates.filter { !$0.contains(grammar.separator) })
            return join(parts)
        case "any-with-separator", "any-empty":
            return withDependent(selectors(of: [.any]), source) { _ in
                detail == "any-empty" ? "" : "\(source.pick(from: SimpleText.plainTokens))\(grammar.separator)\(source.pick(from: SimpleText.plainTokens))"
            }
        case "none-trailing-separator":
            return withDependent(selectors(of: [.none]), source) { _ in "" }
        case "decimal-signed-fraction":
            return withDependent(selectors(of: [.decimal]), source) { rule in
                let valid = ["-0", "+1.25", "007", "-12.50", "0.0"].filter { checker.decimal($0, rule: rule) }
                return valid.isEmpty ? decimal(rule, source) : source.pick(from: valid)
            }
        default:
            return withDependent(selectors(of: [.list]), source) { rule in
                let separator = rule.listSeparator ?? "|"
                let count = detail == "list-many" ? 4 + source.draw(below: 4) : 2
                let items = (0..<count).map { index in
                    detail == "list-many" ? source.pick(from: SimpleText.plainTokens)
                        : "\(SimpleText.plainTokens[index])\(grammar.separator)\(SimpleText.plainTokens[index + 1])"
                }
                return items.joined(separator: separator)
            }
        }
    }

    /// A valid item whose selector is one of `selectors`, with the dependent value from `value`.
    func withDependent(_ selectors: [String], _ source: ChoiceSource, value: (GrammarValueRule) -> String) -> String {
        guard !selectors.isEmpty, let dependent = dependentIndex else { return valid(source) }
        let selector = source.pick(from: selectors)
        var parts = validParts(source, selector: selector)
        guard let rule = grammar.rule(for: selector) else { return join(parts) }
        parts[dependent] = value(rule)
        return join(parts)
    }
}
