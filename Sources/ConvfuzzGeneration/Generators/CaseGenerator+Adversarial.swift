import ConvfuzzContract
import ConvfuzzSpec

extension CaseGenerator {
    /// The pairs of an adversarial case (see `AdversarialValues`).
    func adversarialGroups(_ detail: String, _ parameter: ParameterSpec, _ source: ChoiceSource) -> [PairGroup] {
        let name = parameter.name
        func raw(_ wire: String) -> PairGroup {
            PairGroup(order: position(name), pairs: [WirePair(name: QueryCodec.encode(name), value: wire)])
        }
        if detail.hasPrefix("int-") {
            return [raw(AdversarialValues.integerWire(detail, parameter: parameter))]
        }
        if detail.hasPrefix("cursor-") {
            return cursorAdversarial(detail, parameter, source)
        }
        if detail.hasPrefix("decimal-") {
            return decimalAdversarial(detail, parameter, source)
        }
        if detail == "list-comma-inside" {
            let first = realValue(parameter, source)
            var second = realValue(parameter, source)
            if ByteOrder.same(first, second) { second = valid.item(parameter, source) }
            let joined = ByteOrder.same(first, second) ? first + "," : first + "," + second
            let extra = source.bool(probability: 0.5) ? [realValue(parameter, source)] : []
            return [group(name, [joined] + extra)]
        }
        return [group(name, [adversarialText(detail, parameter, source)])]
    }

    /// A text value for a `text-…` detail.
    func adversarialText(_ detail: String, _ parameter: ParameterSpec, _ source: ChoiceSource) -> String {
        let folding = spec.filters(on: parameter.name).first { $0.op == .containsCI }?.caseFolding ?? .simple
        let pooled = pools.values(parameter.valuePool)
        switch detail {
        case "text-unicode-case":
            // A real value whose non-ASCII letters have another case under the declared folding.
            let candidates = pooled.filter { CaseFolder.hasNonASCIICase($0, folding) }
            let base = candidates.isEmpty ? realValue(parameter, source) : source.pick(from: candidates)
            return CaseFolder.upperVariant(base, folding) ?? base.uppercased()
        case "text-nfd-fullwidth":
            let base = realValue(parameter, source)
            if source.bool(probability: 0.5), let decomposed = AdversarialValues.decomposed(base) { return decomposed }
            return AdversarialValues.fullwidth(base) ?? (base + "\u{FF05}")
        default:
            return AdversarialValues.text(detail, real: realValue(parameter, source), source)
        }
    }

    /// A cursor re-spelled from an issued one, or an invalid cursor beside an invalid parameter.
    private func cursorAdversarial(_ detail: String, _ parameter: ParameterSpec, _ source: ChoiceSource) -> [PairGroup] {
        let name = parameter.name
        let mutator = CursorMutator()
        let base = pools.cursors.isEmpty ? mutator.garbage(using: source) : source.pick(from: pools.cursors)
        guard detail == "cursor-with-invalid-parameter" else {
            let wire = AdversarialValues.cursorWire(detail, cursor: base, source)
            return [PairGroup(order: position(name), pairs: [WirePair(name: QueryCodec.encode(name), value: wire)])]
        }
        let cursor = source.bool(probability: 0.5) ? mutator.garbage(using: source)
            : mutator.mutate(base, detail: source.pick(from: CursorMutator.details), using: source)
        var groups = [PairGroup(order: position(name), pairs: [WirePair(name: QueryCodec.encode(name), value: cursor)])]
        // A second parameter with a value its type rejects: an integer that is not one, or an unknown enum value.
        let others = spec.parameters.filter { $0.role == nil && !$0.isList && ($0.type == .integer || $0.type == .enum) }
        if !others.isEmpty {
            let other = source.pick(from: others)
            let value = invalidScalar(other, source) ?? "abc"
            groups.append(group(other.name, [value]))
        }
        return groups
    }

    /// A grammar item whose decimal bound sits at the edge of exact comparison around a real value,
    /// with the results helper asking for that id, so every item shows the compared value.
    private func decimalAdversarial(_ detail: String, _ parameter: ParameterSpec, _ source: ChoiceSource) -> [PairGroup] {
        guard let grammarName = parameter.grammarName, let builder = valid.grammars[grammarName],
              let filter = spec.filters(on: parameter.name).first(where: { $0.op == .grammar }),
              let match = filter.match, let dependent = builder.dependentIndex,
              let idField = filter.grammarIDField(in: builder.grammar),
              let idIndex = builder.grammar.fields.firstIndex(where: { $0.name == idField }) else {
            return [group(parameter.name, [valid.item(parameter, source)])]
        }
        let selectors = builder.selectors(of: [.decimal])
        guard !selectors.isEmpty else { return [group(parameter.name, [valid.item(parameter, source)])] }
        // Below a value: an upper bound that includes (lte) must now leave it out; above: a lower bound (gte).
        let wanted: FilterOperator = detail == "decimal-just-above" ? .gte : .lte
        let preferred = selectors.filter { match.operator(forToken: $0) == wanted }
        let selector = preferred.isEmpty ? source.pick(from: selectors) : source.pick(from: preferred)
        var parts = builder.validParts(source, selector: selector)
        guard let rule = builder.grammar.rule(for: selector) else { return [group(parameter.name, [builder.join(parts)])] }
        // An id with numeric sample values, when the pools know one.
        let ids = pools.values(builder.grammar.fields[idIndex].pool).filter { id in
            pools.samples(forID: id).contains { classifier.checker.decimal($0, rule: rule) }
        }
        if !ids.isEmpty { parts[idIndex] = source.pick(from: ids) }
        let id = parts[idIndex] ?? ""
        let numeric = pools.samples(forID: id).filter { classifier.checker.decimal($0, rule: rule) }
        let value: String
        if detail == "decimal-extremes" || numeric.isEmpty {
            value = source.pick(from: AdversarialValues.extremes.filter { classifier.checker.decimal($0, rule: rule) } + ["0"])
        } else {
            let real = source.pick(from: numeric)
            value = AdversarialValues.nudged(real, below: detail == "decimal-just-below", significant: 15 + source.draw(below: 6)) ?? real
        }
        parts[dependent] = value
        var groups = [group(parameter.name, [builder.join(parts)])]
        if let results = filter.results, spec.parameter(named: results.param) != nil, !id.isEmpty {
            groups.append(group(results.param, [id]))
        }
        return groups
    }
}
