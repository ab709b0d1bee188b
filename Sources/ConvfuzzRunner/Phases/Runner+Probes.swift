import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// One completeness probe per visible filter: the filter alone, with a value taken from an
    /// item of the discovery walk (so a bound sits exactly on an item and inclusivity shows),
    /// walked to its end and compared with the discovery walk's matching items.
    func runFilterProbes() {
        guard let base = discovery, base.isComplete, !base.items.isEmpty else { return }
        var rng = SplitMix64(seed: SplitMix64.derive(seed: configuration.seed, index: 0x9_0BE5))
        var plans: [WalkPlan] = []
        for filter in spec.filters where filter.visibility == .visible {
            guard let field = filter.field, let parameter = spec.parameter(named: filter.param), parameter.role == nil else { continue }
            let values = observedValues(of: field, in: base.items)
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
               let flipped = chosen.first.map(Runner.caseFlipped), flipped != chosen.first {
                appendProbe(filter.param, [flipped], to: &plans)
            }
        }
        plans += grammarProbes(base: base, rng: &rng)
        work.plan(.probes, total: plans.count)
        let owned = configuration.shard.owned(of: plans.count)
        plans = owned.map { plans[$0] }
        guard !plans.isEmpty else { return }
        if configuration.verbose { for plan in plans { progress.note("probe: \(plan.query)") } }
        report("filter probes", done: 0, total: plans.count)
        // A few probes at a time, each judged as soon as it is walked, so memory does not grow with their number.
        let chunk = max(2, configuration.concurrency)
        var start = 0
        while start < plans.count && !outOfBudget() {
            let range = start..<min(plans.count, start + chunk)
            let walks = walker.run(Array(plans[range]))
            for (walk, position) in zip(walks, range) {
                work.did(.probes, owned[position])
                let query = plans[position].query
                let findings = walkFindings(main: walk, companion: nil)
                record(findings, walk: walk, replay: .walk(query: query, pageSize: walk.pageSize, companion: nil)) { [self] in
                    rerunWalk(query: query, pageSize: walk.pageSize, companion: nil)
                }
            }
            start = range.upperBound
            report("filter probes", done: start, total: plans.count)
        }
        report("filter probes", done: plans.count, total: plans.count)
    }

    /// Adds a walk of one filter with these values, when the classifier calls it valid.
    func appendProbe(_ param: String, _ values: [String], extra: [WirePair] = [], to plans: inout [WalkPlan]) {
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        pairs += values.map { WirePair.encoding(param, $0) } + extra
        guard classifier.classify(pairs, issuedCursors: issued).expectation == .success else { return }
        plans.append(WalkPlan(pairs: pairs))
    }

    /// Text with the case of its first cased letter flipped (`en` → `En`).
    static func caseFlipped(_ text: String) -> String {
        guard let index = text.firstIndex(where: { $0.isLetter && ($0.isUppercase || $0.isLowercase) }) else { return text }
        let character = text[index]
        let flipped = character.isUppercase ? character.lowercased() : character.uppercased()
        return text.replacingCharacters(in: index...index, with: flipped)
    }

    /// Distinct wire texts of an item field (list fields contribute their elements), sorted by bytes.
    func observedValues(of field: String, in items: [JSONValue]) -> [String] {
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
