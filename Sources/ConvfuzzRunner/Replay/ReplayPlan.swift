import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// The unit of work: what is sent and how it is judged, for one finding or one check.
///
/// Phases plan work as replay plans, and ``Replayer`` judges every plan, live, on confirmation and
/// on corpus replay alike, so a check and its re-run cannot disagree. A plan is also what a corpus
/// entry stores (its JSON form is kept stable across versions).
public enum ReplayPlan: Sendable, Codable, Hashable {
    /// One generated request; regenerable from the run's seed, its index and its choices.
    case generatedCase(query: String, index: Int, choices: [UInt64], label: CaseLabel)
    /// One request judged against what its pairs mean (the preflight).
    case request(query: String)
    /// A cursor walk of `query`, and, with a companion, the same query at another page size: the
    /// walk is checked, compared with the discovery walk, and its union compared with the companion's.
    /// With `pages` (a shrunk walk finding), only the walk's first `pages` pages are fetched (and the
    /// companion's pages that reach as far), and the comparisons stop at the last item both reached.
    case walk(query: String, pageSize: Int, companion: String?, pages: Int? = nil)
    /// A comparison of complete walks of several queries (reverse order, cursor reuse).
    case relation(kind: WalkComparison, queries: [String], description: String)
    /// A metamorphic relation derived from the spec, over complete walks of its queries.
    case metamorphic(RelationPlan)
    /// One query sent with a credential variant; the variant is re-derived from the current key.
    case auth(query: String, variant: KeyVariant, description: String)
    /// A tenancy check between the run's key and the second key; replay re-runs the tenancy checks.
    case tenancy(kind: TenancyCheckKind, query: String, credential: RequestCredential, description: String)

    /// The kinds of plan, one per case.
    public enum Kind: String, Sendable, CaseIterable {
        case generatedCase, request, walk, relation, metamorphic, auth, tenancy
    }

    /// This plan's kind.
    public var kind: Kind {
        switch self {
        case .generatedCase: return .generatedCase
        case .request: return .request
        case .walk: return .walk
        case .relation: return .relation
        case .metamorphic: return .metamorphic
        case .auth: return .auth
        case .tenancy: return .tenancy
        }
    }

    /// The concrete requests, in order (walks list their first request).
    public var queries: [String] {
        switch self {
        case .generatedCase(let query, _, _, _), .request(let query): return [query]
        case .walk(let query, _, let companion, _): return [query] + (companion.map { [$0] } ?? [])
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

    /// True when re-running the plan walks, so it is judged against a fresh discovery walk.
    public var walks: Bool {
        switch self {
        case .generatedCase, .request, .auth: return false
        case .walk, .relation, .metamorphic, .tenancy: return true
        }
    }
}

/// A comparison of whole walks that is not a metamorphic relation of the spec's filters.
public enum WalkComparison: String, Sendable, Codable, Hashable {
    /// The ascending walk is the descending walk reversed: `[walk, the same query in the other direction]`.
    case reverseOrder = "reverse-order"
    /// A cursor reused under other filters continues from its position: `[base, other, other + the base's first cursor]`.
    case cursorReuse = "cursor-reuse"
}
