import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzSpec

/// Rewrites valid queries for walks and relations, using only what the spec says.
public struct QueryShaper: Sendable {
    private let spec: Spec

    /// Creates a shaper.
    public init(spec: Spec) {
        self.spec = spec
    }

    private func encodedName(_ name: String) -> String { QueryCodec.encode(name) }

    /// The pairs without any occurrence of a parameter (compared on decoded names).
    public func removing(_ name: String, from pairs: [WirePair]) -> [WirePair] {
        pairs.filter { decodedName($0) != name }
    }

    /// The pairs with a parameter set to one value (any earlier occurrence removed).
    public func setting(_ name: String, to value: String, in pairs: [WirePair]) -> [WirePair] {
        removing(name, from: pairs) + [WirePair.encoding(name, value)]
    }

    /// The pairs without the cursor parameter.
    public func withoutCursor(_ pairs: [WirePair]) -> [WirePair] {
        removing(spec.pagination.cursorParam, from: pairs)
    }

    /// Adds the results helper parameters so that grammar filters (e.g. per-id results) show in items.
    public func withResultsHelpers(_ pairs: [WirePair], query: EffectiveQuery) -> [WirePair] {
        var pairs = pairs
        for filter in spec.filters where filter.visibility == .viaResults {
            guard let results = filter.results, let grammarName = filter.grammar,
                  let grammar = spec.grammars[grammarName] else { continue }
            guard let idField = filter.grammarIDField(in: grammar) else { continue }
            let ids = (query.grammarItems[filter.param] ?? []).compactMap { $0[idField] }
            let present = Set(query.lists[results.param] ?? [])
            var added = Set<String>()
            for id in ids where !id.isEmpty && !present.contains(id) && added.insert(id).inserted {
                pairs.append(WirePair.encoding(results.param, id))
            }
        }
        return pairs
    }

    /// A page size different from `size` for the second walk of a union comparison.
    public func companionPageSize(for size: Int?) -> Int {
        let maximum = spec.pagination.maxPageSize
        let current = size ?? spec.pagination.defaultPageSize
        return current == maximum ? max(1, maximum / 3 + 1) : maximum
    }

    /// The decoded name of a pair.
    public func decodedName(_ pair: WirePair) -> String {
        QueryCodec.decode(pair.name, wire: spec.wire)?.first?.name ?? pair.name
    }
}
