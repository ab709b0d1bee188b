import ConvfuzzContract
import ConvfuzzSpec

/// Builds grammar items field by field from a `GrammarSpec`: valid items, valid edge items and
/// malformed items. Nothing here knows a field, selector or separator by name.
struct GrammarItemBuilder: Sendable {
    let grammar: GrammarSpec
    let pools: ValuePools
    let checker: ValueChecker

    /// The index of the field other fields depend on (the selector), if any.
    var selectorIndex: Int? {
        guard let name = grammar.fields.first(where: { $0.dependsOn != nil })?.dependsOn else { return nil }
        return grammar.fields.firstIndex { $0.name == name }
    }

    /// The index of the dependent field, if any.
    var dependentIndex: Int? { grammar.fields.firstIndex { $0.dependsOn != nil } }

    /// Selectors whose rule has a kind.
    func selectors(of kinds: Set<GrammarValueKind>) -> [String] {
        guard let index = selectorIndex else { return [] }
        return grammar.fields[index].values.filter { grammar.rule(for: $0).map { kinds.contains($0.kind) } ?? false }
    }

    /// A valid item.
    func valid(_ source: ChoiceSource) -> String {
        join(validParts(source))
    }

    /// Valid parts: every field, the dependent one per its rule (absent for `none`).
    func validParts(_ source: ChoiceSource, selector forced: String? = nil) -> [String?] {
        var parts: [String?] = []
        for (index, field) in grammar.fields.enumerated() {
            if field.dependsOn != nil {
                let selector = selectorIndex.flatMap { $0 < parts.count ? parts[$0] : nil } ?? nil
                let rule = selector.flatMap { grammar.rule(for: $0) }
                let id = parts.first ?? nil
                parts.append(rule.map { dependentValue($0, id: id ?? "", source) } ?? SimpleText.plainTokens[0])
            } else if index == selectorIndex, let forced {
                parts.append(forced)
            } else {
                parts.append(fieldValue(field, isLast: index == grammar.fields.count - 1, source))
            }
        }
        return parts
    }

    /// Joins parts with the separator, stopping at the first absent one.
    func join(_ parts: [String?]) -> String {
        var present: [String] = []
        for part in parts {
            guard let part else { break }
            present.append(part)
        }
        return present.joined(separator: grammar.separator)
    }

    /// A valid value of an independent field: enum value, pool value or plain text.
    func fieldValue(_ field: GrammarField, isLast: Bool, _ source: ChoiceSource) -> String {
        if !field.values.isEmpty { return source.pick(from: field.values) }
        let pooled = pools.values(field.pool).filter { value in
            (!field.nonEmpty || !value.isEmpty) && (isLast || !value.contains(grammar.separator))
        }
        switch source.weighted([1, pooled.isEmpty ? 0 : 8, pooled.isEmpty ? 3 : 1]) {
        case 1 where !pooled.isEmpty: return source.pick(from: pooled)
        case 2: return "\(field.name)_\(source.draw(below: 8))"
        default: return pooled.first ?? "\(field.name)_0"
        }
    }

    /// A valid dependent value under a rule; nil for `none` (value and separator omitted).
    func dependentValue(_ rule: GrammarValueRule, id: String, _ source: ChoiceSource) -> String? {
        let samples = pools.samples(forID: id)
        switch rule.kind {
        case .none:
            return nil
        case .any:
            switch source.weighted([1, samples.isEmpty ? 0 : 8, 2]) {
            case 1 where !samples.isEmpty: return source.pick(from: samples)
            case 2: return source.pick(from: SimpleText.strings)
            default: return samples.first ?? SimpleText.plainTokens[0]
            }
        case .decimal:
            let numeric = samples.filter { checker.decimal($0, rule: rule) }
            if !numeric.isEmpty && source.weighted([1, 8]) == 1 { return source.pick(from: numeric) }
            return decimal(rule, source)
        case .list:
            let separator = rule.listSeparator ?? "|"
            let usable = samples.filter { !$0.isEmpty && !$0.contains(separator) }
            let count = max(1, rule.minItems) + source.draw(below: 3)
            let items = (0..<count).map { _ -> String in
                if !usable.isEmpty && source.weighted([1, 4]) == 1 { return source.pick(from: usable) }
                return source.pick(from: SimpleText.plainTokens)
            }
            return items.joined(separator: separator)
        }
    }

    /// A decimal matching the rule: an integer or an integer with a fraction, either sign.
    func decimal(_ rule: GrammarValueRule, _ source: ChoiceSource) -> String {
        let magnitude = source.draw(below: 1000)
        let sign = source.bool(probability: 0.25) ? "-" : ""
        let text = source.bool(probability: 0.3) ? "\(sign)\(magnitude).\(1 + source.draw(below: 99))" : "\(sign)\(magnitude)"
        return checker.decimal(text, rule: rule) ? text : String(magnitude)
    }
}
