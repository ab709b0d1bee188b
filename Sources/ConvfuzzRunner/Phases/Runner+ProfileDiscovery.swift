import ConvfuzzSpec
import Foundation

extension Runner {
    /// Checks the target (preflight), walks the unfiltered query and returns a first profile: the pools the
    /// walk harvested and, as placeholders, the spec's hidden pools. Used by `convfuzz profile init`.
    public func discoverProfile() throws(RunAbort) -> ProfileDraft {
        try preflight()
        discover()
        var seen = Set<String>()
        var harvested: [(pool: String, values: [String])] = []
        for (pool, _) in spec.discoveryPools where seen.insert(pool).inserted {
            harvested.append((pool, pools.values(pool)))
        }
        let host = URLComponents(string: configuration.target)?.host ?? configuration.target
        return ProfileDraft(target: host, source: configuration.endpointURL, harvested: harvested, hidden: spec.hiddenPools,
                            items: discovery?.items.count ?? 0, complete: discovery?.isComplete ?? false)
    }
}
