import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

/// The grammar part of the filter probes: for grammar filters whose effect shows through per-id
/// results, for each id seen in the discovery walk's results, one item per operator token of the
/// grammar, with values the target actually holds (numbers for comparisons, two values for lists,
/// none for presence tests, and the empty forms the spec gives a meaning).
struct GrammarProbes: Sendable {
    /// At most this many ids per grammar filter get probes.
    static let maxIDs = 8

    let context: PhaseContext

    /// The probes as (parameter, values, extra pairs), in order.
    func probes(base: Walk, rng: inout SplitMix64) -> [(String, [String], [WirePair])] {
        let spec = context.spec
        var probes: [(String, [String], [WirePair])] = []
        for filter in spec.filters where filter.op == .grammar && filter.visibility == .viaResults {
            guard let results = filter.results, let grammarName = filter.grammar,
                  let grammar = spec.grammars[grammarName], let idField = filter.grammarIDField(in: grammar) else { continue }
            let observed = observedResults(results, in: base.items)
            let ids = observed.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .filter { !$0.contains(grammar.separator) && !$0.isEmpty }
            for id in ids.prefix(Self.maxIDs) {
                let items = grammarProbeItems(filter, grammar: grammar, id: id, idField: idField,
                                              values: observed[id] ?? [], rng: &rng)
                let helper = WirePair.encoding(results.param, id)
                for fields in items {
                    let raw = grammar.fields.compactMap { fields[$0.name] }.joined(separator: grammar.separator)
                    probes.append((filter.param, [raw], [helper]))
                }
            }
        }
        return probes
    }

    /// The grammar items (field → text) probing one id: one per operator token, plus the empty forms.
    func grammarProbeItems(_ filter: FilterSpec, grammar: GrammarSpec, id: String, idField: String,
                           values: [JSONValue], rng: inout SplitMix64) -> [[String: String]] {
        guard let match = filter.match else { return [] }
        guard let opField = match.opField, let selector = grammar.field(named: opField) else {
            return Set(values.compactMap(\.wireText)).sorted().map { [idField: id, match.field: $0] }
        }
        var items: [[String: String]] = []
        for token in selector.values {
            guard let rule = grammar.rule(for: token) else { continue }
            if let value = probeValue(rule, values: values, rng: &rng) {
                items.append([idField: id, opField: token, match.field: value])
            } else if rule.kind == .none {
                items.append([idField: id, opField: token])
            }
            if rule.emptyMeans[token] != nil { items.append([idField: id, opField: token, match.field: ""]) }
        }
        return items
    }

    /// A value for a grammar value rule drawn from what the target holds, or nil.
    func probeValue(_ rule: GrammarValueRule, values: [JSONValue], rng: inout SplitMix64) -> String? {
        let texts = Array(Set(values.compactMap(\.wireText))).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !texts.isEmpty else { return nil }
        switch rule.kind {
        case .any:
            return texts[Int(rng.next() % UInt64(texts.count))]
        case .decimal:
            let checker = context.classifier.checker
            let numbers = Array(Set(values.compactMap { $0.numberValue?.text }.filter { checker.decimal($0, rule: rule) })).sorted()
            return numbers.isEmpty ? nil : numbers[Int(rng.next() % UInt64(numbers.count))]
        case .list:
            let separator = rule.listSeparator ?? "|"
            let usable = texts.filter { !$0.isEmpty && !$0.contains(separator) }
            guard !usable.isEmpty else { return nil }
            let first = usable[Int(rng.next() % UInt64(usable.count))]
            let second = usable[Int(rng.next() % UInt64(usable.count))]
            return first == second ? first : first + separator + second
        case .none:
            return nil
        }
    }

    /// Per id, the values the discovery walk's items hold in a per-id results field.
    func observedResults(_ results: ResultsSpec, in items: [JSONValue]) -> [String: [JSONValue]] {
        var out: [String: [JSONValue]] = [:]
        for item in items {
            guard let map = item[results.field]?.objectValue else { continue }
            for (id, entry) in map.entries {
                var value: JSONValue? = entry
                for step in results.valuePath { value = value?[step] }
                if let value, !value.isNull { out[id, default: []].append(value) }
            }
        }
        return out
    }
}
