import ConvfuzzOracle

/// Which check categories each phase of a run judges, so a phase's measured time can be
/// shared among the checks it runs (JUnit test case times).
///
/// Phases are named as progress names them. A phase not listed here judges every category.
public enum PhaseCategories {
    /// What ``ConvfuzzOracle/ResponseOracle`` judges on every response.
    static let response: [CheckCategory] = [.status, .error, .body, .schema, .page, .filter, .cursor, .transport]

    /// The categories in catalogue order.
    private static func inCatalogueOrder(_ categories: [CheckCategory]) -> [CheckCategory] {
        CheckCategory.allCases.filter(categories.contains)
    }

    /// The categories judged by the phase called `phase`, in catalogue order.
    /// Walk pages are judged as responses too (``ConvfuzzOracle/WalkOracle``).
    public static func categories(of phase: String) -> [CheckCategory] {
        switch phase {
        case "preflight", "cases": return response
        case "discovery", "filter probes", "walks": return inCatalogueOrder(response + [.walk])
        case "relations", "relation walks": return inCatalogueOrder(response + [.walk, .relation])
        case "auth": return [.auth]
        case "tenancy": return [.tenancy]
        default: return CheckCategory.allCases
        }
    }
}
