import ConvfuzzSpec

/// Semantic neighbours of valid values: what a real client gets wrong while still sending a valid
/// request, derived from what the spec declares, never from a list of faults.
///
/// | declared in the spec | details | value |
/// | --- | --- | --- |
/// | an integer parameter's `unit` | `unit-<neighbour unit>` | a real (pool) value re-counted in the neighbouring unit (seconds → milliseconds, minutes) |
/// | a list of enum items | `all-values`, `all-but-one` | every allowed value; every value but one |
/// | a text filter's `empty_means` | `empty-text` | the empty value |
/// | an `identifier` parameter with an exact filter (`eq`, `in`, `intersects`) | `id-prefix`, `id-case-flip` | a proper prefix of a real id; a real id with one letter's case flipped |
///
/// Every neighbour is a valid value: the classifier judges it from the wire as usual, and the
/// oracles judge the response (item-level filters, and the empty-text relation).
public enum SemanticNeighbours {
    /// The details that apply to a parameter, in draw order.
    static func details(_ parameter: ParameterSpec, spec: Spec) -> [String] {
        guard parameter.role == nil else { return [] }
        var details: [String] = []
        if !parameter.isList, parameter.type == .integer, let unit = parameter.unit {
            details += unit.neighbours.map { "unit-\($0.rawValue)" }
        }
        if parameter.isList, parameter.valueType == .enum, parameter.valueEnum.count >= 2 {
            if parameter.maxItems.map({ $0 >= parameter.valueEnum.count }) ?? true { details.append("all-values") }
            details.append("all-but-one")
        }
        let filters = spec.filters(on: parameter.name)
        if parameter.type == .string, filters.contains(where: { $0.emptyMeans != nil }) {
            details.append("empty-text")
        }
        if parameter.identifier, filters.contains(where: { [.eq, .in, .intersects].contains($0.op) }) {
            details += ["id-prefix", "id-case-flip"]
        }
        return details
    }

    /// The neighbour unit a `unit-…` detail names.
    static func unit(ofDetail detail: String) -> ValueUnit? {
        guard detail.hasPrefix("unit-") else { return nil }
        return ValueUnit(rawValue: String(detail.dropFirst("unit-".count)))
    }

    /// A proper, non-empty prefix of `text` (the text itself when it has one character).
    static func prefix(of text: String, _ source: ChoiceSource) -> String {
        let characters = Array(text)
        guard characters.count >= 2 else { return text }
        return String(characters.prefix(1 + source.draw(below: characters.count - 1)))
    }

    /// `text` with the case of its first cased letter flipped (`agent_x` → `Agent_x`); unchanged without one.
    public static func caseFlipped(_ text: String) -> String {
        guard let index = text.firstIndex(where: { $0.isLetter && ($0.isUppercase || $0.isLowercase) }) else { return text }
        let character = text[index]
        let flipped = character.isUppercase ? character.lowercased() : character.uppercased()
        return text.replacingCharacters(in: index...index, with: flipped)
    }
}

extension CaseGenerator {
    /// The values of a semantic-neighbour case (see `SemanticNeighbours`).
    func neighbourValues(_ detail: String, _ parameter: ParameterSpec, _ source: ChoiceSource) -> [String] {
        if let target = SemanticNeighbours.unit(ofDetail: detail), let unit = parameter.unit {
            let lowest = parameter.minimum ?? spec.integer.minimum
            let highest = parameter.maximum ?? spec.integer.maximum
            let pooled = (parameter.pool.flatMap { valid.integerPools[$0] } ?? []).filter { $0 >= lowest && $0 <= highest }
            let base = pooled.isEmpty
                ? valid.integer(minimum: parameter.minimum, maximum: parameter.maximum,
                                defaultValue: parameter.defaultValue, pool: parameter.pool, source)
                : source.pick(from: pooled)
            let moved = unit.convert(base, to: target).map { IntegerText.clamp($0, minimum: lowest, maximum: highest) }
            return [String(moved ?? base)]
        }
        switch detail {
        case "all-values":
            return parameter.valueEnum
        case "all-but-one":
            let values = parameter.valueEnum
            let left = source.draw(below: values.count)
            return values.enumerated().filter { $0.offset != left }.map(\.element)
        case "empty-text":
            return [""]
        case "id-prefix":
            return [SemanticNeighbours.prefix(of: realValue(parameter, source), source)]
        default:
            return [SemanticNeighbours.caseFlipped(realValue(parameter, source))]
        }
    }

    /// A value the target holds (a pool value) when there is one, else a valid value.
    func realValue(_ parameter: ParameterSpec, _ source: ChoiceSource) -> String {
        let pooled = pools.values(parameter.valuePool)
        if !pooled.isEmpty { return source.pick(from: pooled) }
        return parameter.isList ? valid.item(parameter, source) : (valid.scalar(parameter, source) ?? "a")
    }
}
