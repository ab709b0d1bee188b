import ConvfuzzContract
import ConvfuzzSpec

/// A metamorphic relation to test: queries whose complete walks are needed and the
/// relation their id sets must satisfy.
public struct RelationPlan: Sendable, Hashable, Codable {
    /// The check it belongs to.
    public var check: CheckID
    /// The parameter(s) concerned, e.g. `p` or `p+q`.
    public var parameter: String
    /// The signature detail (operator or form), e.g. `gte`, `exists/missing`.
    public var detail: String
    /// A human description.
    public var description: String
    /// Logical query items of each query, in order; the runner encodes and walks them.
    public var queries: [[QueryItem]]
    /// The relation between their id sets.
    public var relation: SetRelation

    /// Creates a plan.
    public init(check: CheckID, parameter: String, detail: String, description: String,
                queries: [[QueryItem]], relation: SetRelation) {
        self.check = check
        self.parameter = parameter
        self.detail = detail
        self.description = description
        self.queries = queries
        self.relation = relation
    }

    /// The encoded query string of each query (polite percent-encoding).
    public var queryStrings: [String] {
        queries.map { items in QueryCodec.queryString(items.map { WirePair.encoding($0.name, $0.value) }) }
    }

    /// The findings for the id sets of complete walks of ``queries`` (same order).
    /// Ids in `ignoring` (items newer than the growth window) are left out first.
    /// Silent when the number of sets does not match.
    public func evaluate(sets: [Set<String>], ignoring: Set<String> = []) -> [Finding] {
        guard sets.count == queries.count, relation.indices.allSatisfy({ sets.indices.contains($0) }) else { return [] }
        let s = sets.map { $0.subtracting(ignoring) }
        switch relation {
        case .subset(let sub, let of):
            return finding("extra", s[sub].subtracting(s[of]), "ids of query \(sub + 1) ⊆ ids of query \(of + 1)",
                           indices: [of, sub], sets: s)
        case .equal(let a, let b):
            return difference(expected: s[a], observed: s[b], "the same ids for queries \(a + 1) and \(b + 1)", indices: [a, b], sets: s)
        case .intersection(let result, let of):
            let expected = of.dropFirst().reduce(s[of[0]]) { $0.intersection(s[$1]) }
            return difference(expected: expected, observed: s[result], "query \(result + 1) = the intersection of queries \(of.map { "\($0 + 1)" }.joined(separator: ", "))",
                              indices: of + [result], sets: s)
        case .union(let result, let of):
            let expected = of.reduce(Set<String>()) { $0.union(s[$1]) }
            return difference(expected: expected, observed: s[result], "query \(result + 1) = the union of queries \(of.map { "\($0 + 1)" }.joined(separator: ", "))",
                              indices: of + [result], sets: s)
        case .disjoint(let a, let b):
            return finding("overlap", s[a].intersection(s[b]), "no id in both query \(a + 1) and query \(b + 1)", indices: [a, b], sets: s)
        case .partition(let whole, let parts):
            var common = Set<String>()
            for (position, i) in parts.enumerated() {
                for j in parts[(position + 1)...] { common.formUnion(s[i].intersection(s[j])) }
            }
            let union = parts.reduce(Set<String>()) { $0.union(s[$1]) }
            let text = "queries \(parts.map { "\($0 + 1)" }.joined(separator: ", ")) partition query \(whole + 1)"
            return finding("overlap", common, text, indices: [whole] + parts, sets: s)
                + difference(expected: s[whole], observed: union, text, indices: [whole] + parts, sets: s)
        case .empty(let a):
            return finding("extra", s[a], "no id for query \(a + 1)", indices: [a], sets: s)
        case .literal(let literal, let word):
            guard !s[word].isEmpty, s[word].isSubset(of: s[literal]) else { return [] }
            return finding("covers", s[word], "query \(literal + 1) (the text read literally) does not match every id of query \(word + 1)",
                           indices: [word, literal], sets: s)
        }
    }

    private func difference(expected: Set<String>, observed: Set<String>, _ rule: String, indices: [Int], sets: [Set<String>]) -> [Finding] {
        finding("missing", expected.subtracting(observed), rule, indices: indices, sets: sets)
            + finding("extra", observed.subtracting(expected), rule, indices: indices, sets: sets)
    }

    private func finding(_ kind: String, _ ids: Set<String>, _ rule: String, indices: [Int], sets: [Set<String>]) -> [Finding] {
        guard !ids.isEmpty else { return [] }
        let examples = SetDifference.examples(ids.sorted())
        let strings = queryStrings
        return [Finding(check: check, parameter: parameter, detail: "\(detail):\(kind)",
                        message: "\(description): \(ids.count) \(kind) id(s) (\(examples))",
                        expected: rule, observed: "\(ids.count) \(kind): \(examples)",
                        evidence: indices.map { Evidence(query: strings[$0], status: nil, excerpt: "\(sets[$0].count) ids in a complete walk") })]
    }
}
