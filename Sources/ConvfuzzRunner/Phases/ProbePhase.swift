import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec
import Foundation

/// Phase 6: one completeness probe per visible filter, the filter alone with a value taken from an
/// item of the discovery walk (so a bound sits exactly on an item and inclusivity shows), a near
/// miss in another letter case, and grammar probes through per-id results; each walked to its end
/// and compared with the discovery walk's matching items.
public struct ProbePhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name.
    public var name: PhaseName { .probes }
    /// Probes do not start once the run must stop.
    public var skippedWhenStopping: Bool { true }
    /// Probes are walks: each page as a response, the walk, and its completeness.
    public var reportableChecks: Set<CheckID>? { CheckID.walkChecks }

    /// Every probe of the whole run, in order (a shard walks its share): a walk of one filter at the
    /// largest page size, judged against the discovery walk.
    public func plans(_ discovery: Discovery) -> [ReplayPlan] {
        let maxPageSize = context.spec.pagination.maxPageSize
        return walkPlans(discovery).map { .walk(query: $0.query, pageSize: maxPageSize, companion: nil) }
    }

    /// The probes' queries, in order.
    private func walkPlans(_ discovery: Discovery) -> [WalkPlan] {
        let spec = context.spec
        guard let base = discovery.base, base.isComplete, !base.items.isEmpty else { return [] }
        var rng = SeedStream.probes.generator(context.configuration.seed)
        var plans: [WalkPlan] = []
        for filter in spec.filters where filter.visibility == .visible {
            guard let field = filter.field, let parameter = spec.parameter(named: filter.param), parameter.role == nil else { continue }
            let values = Self.observedValues(of: field, in: base.items)
            guard !values.isEmpty else { continue }
            let count = parameter.isList ? min(2, values.count) : 1
            var chosen: [String] = []
            for _ in 0..<count {
                let value = rng.element(of: values)
                if !chosen.contains(value) { chosen.append(value) }
            }
            appendProbe(filter.param, chosen, issued: discovery.issued, to: &plans)
            // A near miss: the same text in another case must match exactly what it matches, not more.
            if parameter.valueType == .string, [.eq, .in, .intersects].contains(filter.op),
               let flipped = chosen.first.map(SemanticNeighbours.caseFlipped), flipped != chosen.first {
                appendProbe(filter.param, [flipped], issued: discovery.issued, to: &plans)
            }
        }
        let ranges = context.executor.budget.limit == nil ? [] : rangeProbes(base: base, issued: discovery.issued)
        return plans + grammarProbes(base: base, issued: discovery.issued, rng: &rng) + ranges
    }

    /// Under a request budget, one probe per pair of bounds on one field (a visible `gte` filter and a visible
    /// `lte` filter): both bounds on items of the discovery walk, the lower on the middle item of the field's
    /// order and the upper half a page of items later, so one page shows whether each bound is inclusive
    /// (the probe of a bound alone walks every item past it).
    private func rangeProbes(base: Walk, issued: CursorBook) -> [WalkPlan] {
        let spec = context.spec
        var plans: [WalkPlan] = []
        for lower in spec.filters where lower.visibility == .visible && lower.op == .gte {
            guard let field = lower.field, spec.parameter(named: lower.param).map({ !$0.isList && $0.role == nil }) == true,
                  let upper = spec.filters.first(where: { $0.visibility == .visible && $0.op == .lte && $0.field == field }),
                  spec.parameter(named: upper.param).map({ !$0.isList && $0.role == nil }) == true else { continue }
            let values = base.items.compactMap { $0[field] }.filter { $0.doubleValue != nil }
                .sorted { ($0.doubleValue ?? 0) < ($1.doubleValue ?? 0) }
            guard !values.isEmpty else { continue }
            let first = values.count / 2
            let last = min(values.count - 1, first + max(1, spec.pagination.maxPageSize / 2))
            guard let low = values[first].wireText, let high = values[last].wireText else { continue }
            appendProbe(lower.param, [low], extra: [WirePair.encoding(upper.param, high)], issued: issued, to: &plans)
        }
        return plans
    }

    /// Walks this shard's probes through the gateway's window, each judged as soon as it (and every probe
    /// before it) is walked, so memory does not grow with their number and a stalled page holds only its
    /// own probe. Under a request budget the cheapest probes go first (``WalkCost``: the fewest pages the
    /// discovery walk says they take), so a small budget judges the most filters.
    public func run(_ input: PhaseInput) -> PhaseOutput {
        let configuration = context.configuration
        let discovery = input.discovery
        let known = input.known
        var result = PhaseOutput(findings: context.findingLog(known: known))
        guard let base = discovery.base, base.isComplete, !base.items.isEmpty else { return result }
        let all = plans(discovery)
        result.work.plan(.probes, total: all.count)
        let owned = configuration.shard.owned(of: all.count)
        let plans = owned.map { all[$0] }
        guard !plans.isEmpty else { return result }
        if configuration.verbose { for plan in plans { context.progress.note("probe: \(plan.queries[0])") } }
        let replayer = Replayer(context: context, discovery: discovery)
        let walkPlans = plans.map { WalkPlan(pairs: QueryCodec.pairs(fromQuery: $0.queries[0])) }
        var order = Array(plans.indices)
        var estimates: [Int]?
        if context.executor.budget.limit != nil {
            let cost = WalkCost(context: context, discovery: discovery)
            let pages = walkPlans.map { cost.pages($0.pairs) }
            order.sort { (pages[$0], $0) < (pages[$1], $1) }
            estimates = order.map { pages[$0] }
        }
        context.progress.report(.probes, done: 0, total: plans.count, findings: known.count)
        // With --max-failures a probe starts only once the one before it is judged, so the run stops after
        // exactly the same requests.
        let window = configuration.maxFailures == nil ? max(2, configuration.concurrency) : 1
        var done = 0
        context.slimWalker.stream(order.map { walkPlans[$0] }, estimates: estimates, window: window,
                                  shouldStop: { context.stopReason(uniqueFindings: result.findings.runUniqueCount) != nil }) { position, walk in
            guard !walk.pages.isEmpty else { return }
            let index = order[position]
            let observation = Replayer.Observation.walks([walk])
            result.work.did(.probes, owned[index])
            result.tally.count(observation)
            context.progress.announce(result.findings.record(replayer.judge(plans[index], observation), plan: plans[index]))
            done += 1
            context.progress.report(.probes, done: done, total: plans.count, findings: result.findings.runUniqueCount)
        }
        return result
    }

    // MARK: Planning

    /// Adds a walk of one filter with these values, when the classifier calls it valid.
    private func appendProbe(_ param: String, _ values: [String], extra: [WirePair] = [], issued: CursorBook,
                             to plans: inout [WalkPlan]) {
        let spec = context.spec
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        pairs += values.map { WirePair.encoding(param, $0) } + extra
        guard context.classifier.classify(pairs, issuedCursors: issued).expectation == .success else { return }
        plans.append(WalkPlan(pairs: pairs))
    }

    /// Distinct wire texts of an item field (list fields contribute their elements), sorted by bytes.
    public static func observedValues(of field: String, in items: [JSONValue]) -> [String] {
        var values = Set<String>()
        for item in items {
            guard let value = item[field], !value.isNull else { continue }
            if let array = value.arrayValue {
                for element in array { if let text = element.wireText { values.insert(text) } }
            } else if let text = value.wireText {
                values.insert(text)
            }
        }
        return values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    // MARK: Grammar probes

    /// At most this many ids per grammar filter get probes.
    public static let grammarProbeIDs = 8

    /// Completeness probes for grammar filters whose effect shows through per-id results: for each id
    /// seen in the discovery walk's results, one item per operator token of the grammar, with values
    /// the target actually holds (numbers for comparisons, two values for lists, none for presence tests,
    /// and the empty forms the spec gives a meaning).
    private func grammarProbes(base: Walk, issued: CursorBook, rng: inout SplitMix64) -> [WalkPlan] {
        let spec = context.spec
        var plans: [WalkPlan] = []
        for filter in spec.filters where filter.op == .grammar && filter.visibility == .viaResults {
            guard let results = filter.results, let grammarName = filter.grammar,
                  let grammar = spec.grammars[grammarName], let idField = filter.grammarIDField(in: grammar) else { continue }
            let observed = observedResults(results, in: base.items)
            let ids = observed.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .filter { !$0.contains(grammar.separator) && !$0.isEmpty }
            for id in ids.prefix(Self.grammarProbeIDs) {
                let items = grammarProbeItems(filter, grammar: grammar, id: id, idField: idField,
                                              values: observed[id] ?? [], rng: &rng)
                let helper = WirePair.encoding(results.param, id)
                for fields in items {
                    let raw = grammar.fields.compactMap { fields[$0.name] }.joined(separator: grammar.separator)
                    appendProbe(filter.param, [raw], extra: [helper], issued: issued, to: &plans)
                }
            }
        }
        return plans
    }

    /// The grammar items (field → text) probing one id: one per operator token, plus the empty forms.
    private func grammarProbeItems(_ filter: FilterSpec, grammar: GrammarSpec, id: String, idField: String,
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
    private func probeValue(_ rule: GrammarValueRule, values: [JSONValue], rng: inout SplitMix64) -> String? {
        let texts = Array(Set(values.compactMap(\.wireText))).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !texts.isEmpty else { return nil }
        switch rule.kind {
        case .any:
            return rng.element(of: texts)
        case .decimal:
            let checker = ValueChecker(spec: context.spec)
            let numbers = Array(Set(values.compactMap { $0.numberValue?.text }.filter { checker.decimal($0, rule: rule) })).sorted()
            return numbers.isEmpty ? nil : rng.element(of: numbers)
        case .list:
            let separator = rule.listSeparator ?? "|"
            let usable = texts.filter { !$0.isEmpty && !$0.contains(separator) }
            guard !usable.isEmpty else { return nil }
            let first = rng.element(of: usable)
            let second = rng.element(of: usable)
            return first == second ? first : first + separator + second
        case .none:
            return nil
        }
    }

    /// Per id, the values the discovery walk's items hold in a per-id results field.
    private func observedResults(_ results: ResultsSpec, in items: [JSONValue]) -> [String: [JSONValue]] {
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
