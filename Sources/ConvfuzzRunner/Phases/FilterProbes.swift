import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

/// Phase 5: completeness probes. Each visible filter alone, with a value an item of the discovery walk
/// really holds (so a bound sits exactly on an item and inclusivity shows), plus a case-flipped near
/// miss for text filters; each grammar filter once per operator for ids seen in results
/// (``GrammarProbes``). Every probe is walked to its end and compared with the discovery walk.
public struct FilterProbes: Sendable {
    /// What the probes found.
    public struct Result: Sendable {
        /// The probes walked, in order.
        public var plans: [WalkPlan]
        /// Findings, in probe order.
        public var findings: FindingLog
    }

    /// The run's services.
    public let context: PhaseContext
    /// The base walk and window the probes are compared with.
    public let discovery: Discovery

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// The probes, in order (deterministic from the seed and the base walk).
    public func plans() -> [WalkPlan] {
        guard let base = discovery.base, base.isComplete, !base.items.isEmpty else { return [] }
        let spec = context.spec
        var rng = SplitMix64(seed: SplitMix64.derive(seed: context.configuration.seed, index: 0x9_0BE5))
        var plans: [WalkPlan] = []
        for filter in spec.filters where filter.visibility == .visible {
            guard let field = filter.field, let parameter = spec.parameter(named: filter.param), parameter.role == nil else { continue }
            let values = Self.observedValues(of: field, in: base.items)
            guard !values.isEmpty else { continue }
            let count = parameter.isList ? min(2, values.count) : 1
            var chosen: [String] = []
            for _ in 0..<count {
                let value = values[Int(rng.next() % UInt64(values.count))]
                if !chosen.contains(value) { chosen.append(value) }
            }
            appendProbe(filter.param, chosen, to: &plans)
            // A near miss: the same text in another case must match exactly what it matches, not more.
            if parameter.valueType == .string, [.eq, .in, .intersects].contains(filter.op),
               let flipped = chosen.first.map(Self.caseFlipped), flipped != chosen.first {
                appendProbe(filter.param, [flipped], to: &plans)
            }
        }
        let grammar = GrammarProbes(context: context)
        for (param, values, extra) in grammar.probes(base: base, rng: &rng) {
            appendProbe(param, values, extra: extra, to: &plans)
        }
        return plans
    }

    /// Walks every probe and compares it with the discovery walk.
    public func run(known: Set<String> = []) -> Result {
        let plans = plans()
        var log = FindingLog(known: known)
        guard !plans.isEmpty else { return Result(plans: [], findings: log) }
        if context.configuration.verbose { for plan in plans { context.progress.note("probe: \(plan.query)") } }
        context.progress.report("filter probes", done: 0, total: plans.count, findings: log.runUniqueCount)
        let judge = WalkJudge(context: context, discovery: discovery)
        let walks = context.walker.run(plans)
        let checks = ParallelWork.map(walks) { judge.walkFindings(main: $0, companion: nil) }
        for ((walk, plan), findings) in zip(zip(walks, plans), checks) {
            let fresh = log.record(findings, origin: .walk(query: walk.baseQuery, pageSize: walk.pageSize),
                                   replay: .walk(query: plan.query, pageSize: walk.pageSize, companion: nil), confirm: .replay)
            context.progress.announce(fresh)
        }
        context.progress.report("filter probes", done: plans.count, total: plans.count, findings: log.runUniqueCount)
        return Result(plans: plans, findings: log)
    }

    /// Adds a walk of one filter with these values, when the classifier calls it valid.
    func appendProbe(_ param: String, _ values: [String], extra: [WirePair] = [], to plans: inout [WalkPlan]) {
        let spec = context.spec
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        pairs += values.map { WirePair.encoding(param, $0) } + extra
        guard context.classifier.classify(pairs, issuedCursors: discovery.issued).expectation == .success else { return }
        plans.append(context.plan(pairs))
    }

    /// Text with the case of its first cased letter flipped (`en` → `En`).
    static func caseFlipped(_ text: String) -> String {
        guard let index = text.firstIndex(where: { $0.isLetter && ($0.isUppercase || $0.isLowercase) }) else { return text }
        let character = text[index]
        let flipped = character.isUppercase ? character.lowercased() : character.uppercased()
        return text.replacingCharacters(in: index...index, with: flipped)
    }

    /// Distinct wire texts of an item field (list fields contribute their elements), sorted by bytes.
    static func observedValues(of field: String, in items: [JSONValue]) -> [String] {
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
}
