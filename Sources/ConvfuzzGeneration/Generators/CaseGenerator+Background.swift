import ConvfuzzSpec

extension CaseGenerator {
    /// A geometric number of valid parameters other than the target, each drawn once.
    ///
    /// Each element is `continue?`, a parameter index, then its value choices (one span per
    /// element, so the shrinker can delete one parameter). Afterwards each relation whose two
    /// background values conflict is put in order (swapped) nine times in ten.
    func background(excluding: Set<String>, kind: CaseKind, _ source: ChoiceSource) -> [PairGroup] {
        let eligible = spec.parameters.filter { !excluding.contains($0.name) }
        guard !eligible.isEmpty else { return [] }
        var groups: [String: PairGroup] = [:]
        var names: [String] = []
        var scalars: [String: String] = [:]
        var steps = 0
        while steps < 2 * eligible.count {
            steps += 1
            source.beginSpan("background")
            defer { source.endSpan() }
            guard source.bool(probability: CaseMix.continueProbability(kind)) else { break }
            let parameter = eligible[source.draw(below: eligible.count)]
            guard groups[parameter.name] == nil else { continue }
            if parameter.isList {
                groups[parameter.name] = group(parameter.name, valid.list(parameter, source))
            } else if let value = valid.scalar(parameter, source) {
                groups[parameter.name] = group(parameter.name, [value])
                scalars[parameter.name] = value
            } else {
                continue
            }
            names.append(parameter.name)
        }
        for relation in spec.relations {
            guard let lower = scalars[relation.lower], let upper = scalars[relation.upper],
                  let low = classifier.checker.integer(lower), let high = classifier.checker.integer(upper),
                  low > high, swappable(relation, low: low, high: high), source.bool(probability: 0.9) else { continue }
            groups[relation.lower] = group(relation.lower, [upper])
            groups[relation.upper] = group(relation.upper, [lower])
            scalars[relation.lower] = upper
            scalars[relation.upper] = lower
        }
        return names.compactMap { groups[$0] }
    }

    /// Whether the lower parameter accepts `high` and the upper one accepts `low`.
    func swappable(_ relation: RelationSpec, low: Int64, high: Int64) -> Bool {
        guard let lower = spec.parameter(named: relation.lower), let upper = spec.parameter(named: relation.upper) else {
            return false
        }
        return fits(high, lower) && fits(low, upper)
    }

    /// Whether an integer is within a parameter's bounds.
    func fits(_ value: Int64, _ parameter: ParameterSpec) -> Bool {
        value >= (parameter.minimum ?? spec.integer.minimum) && value <= (parameter.maximum ?? spec.integer.maximum)
    }
}
