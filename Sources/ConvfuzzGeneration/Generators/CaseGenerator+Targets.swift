import ConvfuzzContract
import ConvfuzzSpec

extension CaseGenerator {
    /// The pairs of the case's target for its class and detail.
    func targetGroups(kind: CaseKind, target: CatalogTarget, label: inout CaseLabel, _ source: ChoiceSource) -> [PairGroup] {
        let detail = label.detail
        guard let name = target.parameter, let parameter = spec.parameter(named: name) else {
            return kind == .shape ? [unknownParameter(label: &label, source)] : []
        }
        switch kind {
        case .valid:
            return []
        case .neighbour:
            return [group(name, neighbourValues(detail, parameter, source))]
        case .boundaryAt, .boundaryInside, .boundaryOutside:
            return [group(name, [BoundaryValues.text(detail, parameter: parameter, integer: spec.integer)])]
        case .typeViolation:
            let value = TypeViolations.wireValue(detail, parameter: parameter, checker: classifier.checker)
            return [PairGroup(order: position(name), pairs: [WirePair(name: QueryCodec.encode(name), value: value)])]
        case .enumViolation:
            let values = parameter.valueEnum
            if parameter.isList {
                return [group(name, withReplacedItem(parameter, source) {
                    EnumViolations.value(detail, base: source.pick(from: values), values: values, source)
                })]
            }
            return [group(name, [EnumViolations.value(detail, base: source.pick(from: values), values: values, source)])]
        case .grammarViolation, .grammarEdge:
            guard let builder = parameter.grammarName.flatMap({ valid.grammars[$0] }) else { return [] }
            return [group(name, withReplacedItem(parameter, source) {
                kind == .grammarEdge ? builder.edge(detail, source) : builder.violation(detail, source)
            })]
        case .listShape:
            return [group(name, listShape(detail, parameter, source))]
        case .relationConflict:
            return relationGroups(detail, lower: parameter, upperName: target.partner, source)
        case .shape:
            return shapeGroups(parameter, label: &label, source)
        case .cursorInvalid:
            return [cursorGroup(detail, name: name, source)]
        case .adversarial:
            return adversarialGroups(detail, parameter, source)
        }
    }

    /// One to two valid items with one of them replaced by `special`.
    func withReplacedItem(_ parameter: ParameterSpec, _ source: ChoiceSource, special: () -> String) -> [String] {
        let count = 1 + source.draw(below: 2)
        let position = source.draw(below: count)
        return (0..<count).map { $0 == position ? special() : valid.item(parameter, source) }
    }

    /// Items for a list-shape detail.
    func listShape(_ detail: String, _ parameter: ParameterSpec, _ source: ChoiceSource) -> [String] {
        switch detail {
        case "none": return []
        case "one": return [valid.item(parameter, source)]
        case "many": return (0..<(4 + source.draw(below: 5))).map { _ in valid.item(parameter, source) }
        case "duplicates":
            let item = valid.item(parameter, source)
            let extra = source.bool(probability: 0.5) ? [valid.item(parameter, source)] : []
            return [item] + extra + Array(repeating: item, count: 1 + source.draw(below: 2))
        case "empty-item": return [""]
        default:
            let count = (parameter.maxItems ?? 0) + 1 + source.draw(below: 3)
            return (0..<count).map { _ in valid.item(parameter, source) }
        }
    }

    /// A lower and an upper bound that conflict (lower above upper) or are equal, each valid on its own.
    func relationGroups(_ detail: String, lower: ParameterSpec, upperName: String?, _ source: ChoiceSource) -> [PairGroup] {
        guard let upperName, let upper = spec.parameter(named: upperName) else { return [] }
        func draw(_ parameter: ParameterSpec) -> Int64 {
            valid.integer(minimum: parameter.minimum, maximum: parameter.maximum, defaultValue: parameter.defaultValue,
                          pool: parameter.pool, source)
        }
        var low = draw(lower)
        var high = draw(upper)
        if detail == "equal-bounds" {
            high = fits(low, upper) ? low : high
            low = fits(high, lower) ? high : low
        } else if low <= high {
            if low < high, fits(high, lower), fits(low, upper) {
                swap(&low, &high)
            } else if high > (upper.minimum ?? spec.integer.minimum), fits(high - 1, upper), low == high {
                high -= 1
            } else if low < (lower.maximum ?? spec.integer.maximum), fits(high + 1, lower) {
                low = high + 1
            }
        }
        return [group(lower.name, [String(low)]), group(upper.name, [String(high)])]
    }

    /// An invalid cursor: garbage, empty, a bare name, or a mutation of an issued (or garbage) cursor.
    func cursorGroup(_ detail: String, name: String, _ source: ChoiceSource) -> PairGroup {
        let mutator = CursorMutator()
        let encodedName = QueryCodec.encode(name)
        let value: String?
        switch detail {
        case "garbage": value = mutator.garbage(using: source)
        case "empty": value = ""
        case "bare-name": value = nil
        default:
            let base = pools.cursors.isEmpty ? mutator.garbage(using: source) : source.pick(from: pools.cursors)
            value = mutator.mutate(base, detail: detail, using: source)
        }
        return PairGroup(order: position(name), pairs: [WirePair(name: encodedName, value: value)])
    }
}
