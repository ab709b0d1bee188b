import ConvfuzzOracle

/// The one vocabulary of phase names: progress lines, the traffic record, work units (`--shard`,
/// `convfuzz merge`) and the reports' per-phase figures all use it.
public enum PhaseName: String, Sendable, Hashable, Codable, CaseIterable {
    /// The plainest request.
    case preflight
    /// The unfiltered walk that harvests pools.
    case discovery
    /// Stored failures replayed.
    case corpus
    /// Credential variants.
    case auth
    /// Isolation between two keys.
    case tenancy
    /// Generated cases.
    case cases
    /// One walk per filter, compared with the discovery walk.
    case probes
    /// Sampled cursor walks with their companions, reverse and cursor-reuse checks.
    case walks
    /// The walks that relations need.
    case relationWalks = "relation-walks"
    /// Metamorphic relations evaluated.
    case relations
    /// `--explore`: further cases, ladder rungs, walks and relations past the fixed plan.
    case explore
    /// Findings re-run.
    case confirming
    /// `convfuzz walk`: one query walked page by page.
    case walk

    /// The phases whose numbered units `--shard` splits between processes.
    public static let sharded: [PhaseName] = [.corpus, .cases, .probes, .walks, .relations]

    /// How progress lines and the traffic record show the phase.
    public var title: String {
        switch self {
        case .probes: return "filter probes"
        case .relationWalks: return "relation walks"
        default: return rawValue
        }
    }

    /// The phase shown as `title` (as a traffic record names it), or nil.
    public init?(title: String) {
        guard let phase = Self.allCases.first(where: { $0.title == title }) else { return nil }
        self = phase
    }

    /// What the phase's progress counts: `walks: 3/12 walks`, `discovery: 4/50 pages`.
    public var unit: String {
        switch self {
        case .cases: return "cases"
        case .walks, .relationWalks: return "walks"
        case .walk, .discovery: return "pages"
        case .relations: return "relations"
        case .probes: return "probes"
        case .explore: return "rounds"
        case .confirming: return "findings"
        case .corpus: return "entries"
        case .preflight, .auth, .tenancy: return "steps"
        }
    }

    /// The check categories the phase judges, in catalogue order, so its measured time can be shared
    /// among them (JUnit test case times). Walk pages are judged as responses too.
    public var categories: [CheckCategory] {
        let response: [CheckCategory] = [.status, .error, .body, .schema, .page, .filter, .cursor, .transport]
        let judged: [CheckCategory]
        switch self {
        case .preflight, .cases: judged = response
        case .discovery, .probes, .walks, .walk: judged = response + [.walk]
        case .relations, .relationWalks: judged = response + [.walk, .relation]
        case .auth: judged = [.auth]
        case .tenancy: judged = [.tenancy]
        case .corpus, .confirming, .explore: return CheckCategory.allCases
        }
        return CheckCategory.allCases.filter(judged.contains)
    }
}
