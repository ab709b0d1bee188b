import ConvfuzzGeneration

/// Which part of the run found a problem, with what is needed to regenerate it.
public enum FindingOrigin: Sendable, Codable, Hashable {
    /// A generated case: seed, index and choice sequence.
    case generatedCase(seed: UInt64, index: Int, choices: [UInt64], label: CaseLabel)
    /// One request (the preflight's).
    case request(query: String)
    /// A cursor walk of one query.
    case walk(query: String, pageSize: Int)
    /// A metamorphic relation over several queries.
    case relation(description: String)
    /// A stored corpus entry that still fails.
    case corpus(file: String)
    /// The run as a whole (e.g. how many requests needed a retry).
    case run(description: String)
    /// An auth probe: the plainest query with a credential variant.
    case auth(description: String)
    /// A tenancy check between two keys.
    case tenancy(description: String)

    /// One line for reports.
    public var summary: String {
        switch self {
        case .generatedCase(let seed, let index, _, let label):
            return "case \(index) of seed \(seed) (\(label.key))"
        case .request(let query):
            return query.isEmpty ? "the plainest request" : "the request '\(query)'"
        case .walk(let query, let pageSize):
            return "cursor walk of '\(query)' at page size \(pageSize)"
        case .relation(let description):
            return "relation: \(description)"
        case .corpus(let file):
            return "corpus entry \(file)"
        case .run(let description):
            return "the whole run: \(description)"
        case .auth(let description):
            return "auth probe: \(description)"
        case .tenancy(let description):
            return "tenancy: \(description)"
        }
    }
}
