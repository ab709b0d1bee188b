import ConvfuzzContract
import ConvfuzzSpec

/// Valid values for parameters, derived from the spec and the pools.
///
/// Pooled parameters draw an exact pool value most of the time (pool values are filtered for
/// validity first, so a pooled `start_time` value is sent as-is to every parameter whose
/// `pool` is `start_time`). The first option of every draw is the canonical value (the
/// default, the minimum, the first enum value, the first pool value) so shrinking moves
/// values towards it.
struct ValidValues: Sendable {
    let spec: Spec
    let pools: ValuePools
    let checker: ValueChecker
    let grammars: [String: GrammarItemBuilder]
    /// Pool name → its values that are integers (parsed once).
    let integerPools: [String: [Int64]]

    init(spec: Spec, pools: ValuePools, checker: ValueChecker) {
        self.spec = spec
        self.pools = pools
        self.checker = checker
        var builders: [String: GrammarItemBuilder] = [:]
        for name in spec.grammars.keys.sorted() {
            if let grammar = spec.grammars[name] {
                builders[name] = GrammarItemBuilder(grammar: grammar, pools: pools, checker: checker)
            }
        }
        grammars = builders
        var parsed: [String: [Int64]] = [:]
        for name in pools.pools.keys.sorted() {
            parsed[name] = pools.values(name).compactMap { checker.integer($0) }
        }
        integerPools = parsed
    }

    /// A valid scalar value, or nil when the parameter has none (a cursor with no issued cursors).
    func scalar(_ parameter: ParameterSpec, _ source: ChoiceSource) -> String? {
        if parameter.role == .cursor {
            return pools.cursors.isEmpty ? nil : source.pick(from: pools.cursors)
        }
        return typed(type: parameter.type, values: parameter.values, minimum: parameter.minimum,
                     maximum: parameter.maximum, defaultValue: parameter.defaultValue,
                     pool: parameter.pool, grammar: nil, source)
    }

    /// One valid item of a list parameter.
    func item(_ parameter: ParameterSpec, _ source: ChoiceSource) -> String {
        guard let items = parameter.items else { return SimpleText.strings[0] }
        return typed(type: items.type, values: items.values, minimum: items.minimum, maximum: items.maximum,
                     defaultValue: nil, pool: items.pool, grammar: items.grammar, source)
    }

    /// One to three valid items (never more than `maxItems`).
    func list(_ parameter: ParameterSpec, _ source: ChoiceSource) -> [String] {
        var count = 1 + source.draw(below: 3)
        if let maxItems = parameter.maxItems { count = max(0, min(count, maxItems)) }
        return (0..<count).map { _ in item(parameter, source) }
    }

    func typed(type: ParameterType, values: [String], minimum: Int64?, maximum: Int64?, defaultValue: String?,
               pool: String?, grammar: String?, _ source: ChoiceSource) -> String {
        switch type {
        case .enum: return values.isEmpty ? "" : source.pick(from: values)
        case .boolean: return source.pick(from: ["false", "true"])
        case .integer:
            return String(integer(minimum: minimum, maximum: maximum, defaultValue: defaultValue, pool: pool, source))
        case .string, .list:
            if let grammar, let builder = grammars[grammar] { return builder.valid(source) }
            return string(pool: pool, source)
        }
    }

    /// A valid integer: canonical, exact pool value, pool neighbour, declared bound, or in range.
    func integer(minimum: Int64?, maximum: Int64?, defaultValue: String?, pool: String?, _ source: ChoiceSource) -> Int64 {
        let lowest = minimum ?? spec.integer.minimum
        let highest = maximum ?? spec.integer.maximum
        let canonical = IntegerText.clamp(defaultValue.flatMap { checker.integer($0) } ?? minimum ?? 0,
                                           minimum: lowest, maximum: highest)
        let pooled = (pool.flatMap { integerPools[$0] } ?? []).filter { $0 >= lowest && $0 <= highest }
        let hasPool = !pooled.isEmpty
        switch source.weighted([1, hasPool ? 7 : 0, hasPool ? 1 : 0, 1, hasPool ? 1 : 3]) {
        case 1 where hasPool:
            return source.pick(from: pooled)
        case 2 where hasPool:
            let base = source.pick(from: pooled)
            let moved = source.bool(probability: 0.5) ? base.addingReportingOverflow(-1) : base.addingReportingOverflow(1)
            return moved.overflow ? base : IntegerText.clamp(moved.partialValue, minimum: lowest, maximum: highest)
        case 3:
            let bounds = [minimum, maximum].compactMap { $0 }
            return bounds.isEmpty ? canonical : source.pick(from: bounds)
        case 4:
            return inRange(lowest: lowest, highest: highest, minimum: minimum, maximum: maximum, source)
        default:
            return canonical
        }
    }

    private func inRange(lowest: Int64, highest: Int64, minimum: Int64?, maximum: Int64?, _ source: ChoiceSource) -> Int64 {
        if minimum != nil && maximum != nil { return source.draw(in: lowest...highest) }
        let magnitude = source.draw(in: 0...Self.powersOfTen[source.draw(below: Self.powersOfTen.count)])
        if let minimum {
            let (value, overflow) = minimum.addingReportingOverflow(magnitude)
            return overflow ? highest : min(value, highest)
        }
        if let maximum {
            let (value, overflow) = maximum.subtractingReportingOverflow(magnitude)
            return overflow ? lowest : max(value, lowest)
        }
        let value = source.bool(probability: 0.2) ? -magnitude : magnitude
        return IntegerText.clamp(value, minimum: lowest, maximum: highest)
    }

    static let powersOfTen: [Int64] = [9, 99, 999, 99_999, 9_999_999, 1_999_999_999, 999_999_999_999]

    /// A free-text value: canonical (first pool value or `a`), a pool value, or simple text.
    func string(pool: String?, _ source: ChoiceSource) -> String {
        let pooled = pools.values(pool)
        switch source.weighted([1, pooled.isEmpty ? 0 : 8, pooled.isEmpty ? 4 : 1]) {
        case 1 where !pooled.isEmpty: return source.pick(from: pooled)
        case 2: return source.pick(from: SimpleText.strings)
        default: return pooled.first ?? SimpleText.strings[0]
        }
    }
}
