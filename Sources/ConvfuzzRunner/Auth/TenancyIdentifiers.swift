import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

/// The ids of each workspace per identifier filter (`TenancyOracle.identifierFilters`): visible ones from
/// each key's walk, hidden ones from each key's profile (`--profile`, `--second-profile`). An id seen in
/// both workspaces is nobody's to probe.
struct TenancyIdentifiers {
    /// Ids probed per parameter and direction, at most.
    static let perParameter = 3

    let spec: Spec
    let first: [String: Set<String>]
    let second: [String: Set<String>]

    init(spec: Spec, first: ([JSONValue], TargetProfile), second: ([JSONValue], TargetProfile)) {
        self.spec = spec
        var firstIDs: [String: Set<String>] = [:]
        var secondIDs: [String: Set<String>] = [:]
        for filter in TenancyOracle.identifierFilters(spec) {
            if let field = filter.field {
                firstIDs[filter.param] = TenancyOracle.fieldValues(first.0, field: field)
                secondIDs[filter.param] = TenancyOracle.fieldValues(second.0, field: field)
            }
            let pool = spec.parameter(named: filter.param)?.valuePool
            if let pool {
                firstIDs[filter.param, default: []].formUnion(first.1.pools[pool] ?? [])
                secondIDs[filter.param, default: []].formUnion(second.1.pools[pool] ?? [])
            }
        }
        self.first = firstIDs
        self.second = secondIDs
    }

    /// Per identifier parameter, up to `perParameter` ids of the other workspace to send with the first key
    /// (`toFirst`) or the second, sorted by bytes.
    func foreign(toFirst: Bool) -> [(param: String, values: [String])] {
        TenancyOracle.identifierFilters(spec).compactMap { filter in
            let own = (toFirst ? first : second)[filter.param] ?? []
            let other = (toFirst ? second : first)[filter.param] ?? []
            let values = ByteOrder.sortedUnique(Array(other.subtracting(own)).filter { !$0.isEmpty })
            return values.isEmpty ? nil : (filter.param, Array(values.prefix(Self.perParameter)))
        }
    }

    /// An id that exists in no workspace.
    static func unknownID(_ param: String) -> String { "convfuzz_absent_\(param)_0" }

    /// A pair the spec rejects whatever the cursor: an integer scalar sent as a word.
    static func invalidPair(_ spec: Spec) -> WirePair? {
        let checker = ValueChecker(spec: spec)
        for parameter in spec.parameters where parameter.role == nil && !parameter.isList && parameter.type == .integer {
            if checker.integer("x") == nil { return WirePair.encoding(parameter.name, "x") }
        }
        return nil
    }
}
