import ConvfuzzSpec

/// Computes the expected outcome of a request from exactly what is sent.
///
/// Steps: decode the pairs as the spec says the target does (`QueryCodec.decode`; nil →
/// invalid); apply the repeated-scalar rule; validate each declared parameter (integer
/// pattern, 64-bit range and bounds; enums; list items and `maxItems`; grammar items split at
/// the first `max_splits` separators; cursors must have been issued); apply the
/// unknown-parameter rule; then relations between valid values (`lower > upper` →
/// `.empty(relation:)` or invalid, per the relation). The generator's intent is never consulted.
public struct WireClassifier: Sendable {
    /// The spec.
    public let spec: Spec
    /// Value-level checks.
    public let checker: ValueChecker
    private let order: [String: Int]

    /// A classifier for a spec.
    public init(spec: Spec) {
        self.spec = spec
        checker = ValueChecker(spec: spec)
        var order: [String: Int] = [:]
        for (index, parameter) in spec.parameters.enumerated() where order[parameter.name] == nil {
            order[parameter.name] = index
        }
        self.order = order
    }

    /// Classifies pairs; a cursor is valid when `issuedCursors` holds it.
    public func classify(_ pairs: [WirePair], issuedCursors: CursorBook = CursorBook()) -> Classification {
        classify(pairs) { issuedCursors.contains($0) }
    }

    /// Classifies pairs; a cursor is valid when `isIssued` says the target issued it.
    public func classify(_ pairs: [WirePair], isIssued: (String) -> Bool) -> Classification {
        guard let items = QueryCodec.decode(pairs, wire: spec.wire) else {
            return Classification(expectation: .invalid(parameters: []),
                                  query: EffectiveQuery(), problems: ["query: the target cannot decode it"])
        }
        var query = EffectiveQuery()
        var problems: [(order: Int, name: String, text: String)] = []
        var repeated: Set<String> = []
        for item in items {
            guard let parameter = spec.parameter(named: item.name) else {
                if !query.unknown.contains(item.name) { query.unknown.append(item.name) }
                continue
            }
            if parameter.isList {
                query.lists[parameter.name, default: []].append(item.value)
            } else if query.scalars[parameter.name] == nil {
                query.scalars[parameter.name] = item.value
            } else {
                repeated.insert(parameter.name)
                if spec.wire.repeatedScalar == .last { query.scalars[parameter.name] = item.value }
            }
        }
        func report(_ name: String, _ text: String) {
            problems.append((order[name] ?? Int.max, name, "\(name): \(text)"))
        }
        for parameter in spec.parameters {
            if let value = query.scalars[parameter.name] {
                if spec.wire.repeatedScalar == .invalid && repeated.contains(parameter.name) {
                    report(parameter.name, "repeated")
                } else if let problem = checker.scalarProblem(value, parameter: parameter, isIssued: isIssued) {
                    report(parameter.name, problem)
                }
            }
            if let values = query.lists[parameter.name] {
                if let maxItems = parameter.maxItems, values.count > maxItems {
                    report(parameter.name, "\(values.count) items, more than \(maxItems)")
                }
                for (index, value) in values.enumerated() {
                    if let problem = checker.itemProblem(value, parameter: parameter) {
                        report(parameter.name, "item \(index): \(problem)")
                    }
                }
                if let grammarName = parameter.grammarName, let grammar = spec.grammars[grammarName] {
                    query.grammarItems[parameter.name] = values.map { GrammarSplitter.item($0, grammar: grammar) }
                }
            }
        }
        if spec.wire.unknownParameters == .reject {
            for name in query.unknown { report(name, "unknown parameter") }
        }
        if !problems.isEmpty {
            var names: [String] = []
            for problem in problems where !names.contains(problem.name) { names.append(problem.name) }
            return Classification(expectation: .invalid(parameters: names), query: query,
                                  problems: problems.map(\.text))
        }
        return Classification(expectation: relationExpectation(query), query: query)
    }

    /// `.empty` (or `.invalid`) when two valid bounds conflict, else `.success`.
    func relationExpectation(_ query: EffectiveQuery) -> Expectation {
        for relation in spec.relations {
            guard let lowerText = query.scalars[relation.lower], let upperText = query.scalars[relation.upper],
                  let lower = checker.integer(lowerText), let upper = checker.integer(upperText),
                  lower > upper else { continue }
            switch relation.onConflict {
            case .empty: return .empty(relation: "\(relation.lower)>\(relation.upper)")
            case .invalid: return .invalid(parameters: [relation.lower, relation.upper])
            }
        }
        return .success
    }
}
