import ConvfuzzGeneration
import ConvfuzzOracle

/// How a stored failure is re-run: the concrete requests and, for a generated case, its choices.
public enum ReplayPlan: Sendable, Codable, Hashable {
    /// One request; regenerable from seed, index and choices.
    case generatedCase(query: String, index: Int, choices: [UInt64], label: CaseLabel)
    /// A cursor walk starting from a query at a page size.
    case walk(query: String, pageSize: Int, companion: String?)
    /// A comparison of complete walks of several queries (reverse order, cursor reuse).
    case relation(kind: String, queries: [String], description: String)
    /// A metamorphic relation derived from the spec, over complete walks of its queries.
    case metamorphic(RelationPlan)
    /// One query sent with a credential variant; the variant is re-derived from the current key.
    case auth(query: String, variant: KeyVariant, description: String)
    /// A tenancy check between the run's key and the second key; replay re-runs the tenancy phase.
    case tenancy(kind: TenancyCheckKind, query: String, credential: RequestCredential, description: String)

    /// The concrete requests, in order (walks list their first request).
    public var queries: [String] {
        switch self {
        case .generatedCase(let query, _, _, _): return [query]
        case .walk(let query, _, let companion): return [query] + (companion.map { [$0] } ?? [])
        case .relation(_, let queries, _): return queries
        case .metamorphic(let plan): return plan.queryStrings
        case .auth(let query, _, _), .tenancy(_, let query, _, _): return [query]
        }
    }

    /// The credential the reproduction requests carry.
    public var credential: RequestCredential {
        switch self {
        case .auth(_, let variant, _): return .variant(variant)
        case .tenancy(_, _, let credential, _): return credential
        default: return .firstKey
        }
    }
}
