import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec
import Foundation

/// Phase 2: walks the unfiltered query at the largest page size, harvests value pools and issued
/// cursors, fixes the growth window, and keeps the walk as the base for completeness checks.
public struct DiscoveryPhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name.
    public var name: PhaseName { .discovery }
    /// Discovery always runs: later phases and confirmation are judged against it.
    public var skippedWhenStopping: Bool { false }

    /// Walks the discovery query, starting from the input's pools (the profile's); the output's payload
    /// is the ``Discovery``.
    public func run(_ input: PhaseInput) -> PhaseOutput {
        let pools = input.discovery.pools
        let known = input.known
        let configuration = context.configuration
        let spec = context.spec
        let pairs = Self.discoveryPairs(spec: spec, pools: pools)
        context.progress.report(.discovery, done: 0, total: configuration.discoveryPages, findings: known.count)
        let walk = context.walker.run([WalkPlan(pairs: pairs)], maxPages: configuration.discoveryPages)[0]
        var harvester = PoolHarvester(spec: spec)
        for item in walk.items {
            for field in harvester.fields {
                guard let value = item[field] else { continue }
                if let array = value.arrayValue {
                    for element in array { if let text = element.wireText { harvester.add(field: field, value: text) } }
                } else if let text = value.wireText, !value.isNull {
                    harvester.add(field: field, value: text)
                }
            }
        }
        var issued = CursorBook()
        for page in walk.pages {
            if let cursor = page.page?.nextCursor {
                harvester.add(cursor: cursor)
                issued.insert(cursor)
            }
        }
        var windowStart: Int64?
        if configuration.window == .now, let timeField = spec.pagination.timeField {
            // The newest item the target held when the run began: the whole walk when it completed,
            // or its first pages when they are newest-first; otherwise the wall clock (seconds).
            let newest = walk.items.compactMap { $0[timeField]?.int64Value }.max()
            if walk.isComplete || walk.direction == .desc, let newest {
                windowStart = newest
            } else {
                windowStart = Int64(Date().timeIntervalSince1970)
            }
        }
        let discovery = Discovery(pools: harvester.pools(mergingInto: pools), base: walk, issued: issued,
                                  windowStart: windowStart, basePairs: pairs)
        // Past the deadline only the walk-level checks run: re-checking every page would overrun it.
        let late = context.stopReason(uniqueFindings: known.count) != nil
        let plan = ReplayPlan.walk(query: WalkPlan(pairs: pairs).query, pageSize: walk.pageSize, companion: nil)
        let findings = late ? context.walkOracle.walkLevelFindings(walk, windowStart: windowStart)
                            : Replayer(context: context, discovery: discovery).judge(plan, .walks([walk]))
        var log = context.findingLog(known: known)
        context.progress.announce(log.record(findings, plan: plan))
        var tally = WalkTally()
        tally.count(walk)
        return PhaseOutput(findings: log, tally: tally, payload: .discovery(discovery))
    }

    /// Walks the discovery query again and gives `discovery` the fresh base walk, unless the new walk is
    /// cut short where the old one was complete; returns the walk judged. An incomplete old walk is let go
    /// before the new one is walked, so two walks cut at the memory bound are never held at once.
    public func refresh(_ discovery: inout Discovery) -> WalkTally {
        guard let query = discovery.base?.baseQuery, let wasComplete = discovery.base?.isComplete else { return WalkTally() }
        // A complete old walk is kept in case the new one is cut short; an incomplete one is let go.
        let kept = wasComplete ? discovery.base : nil
        discovery.base = nil
        let walk = context.walker.run([WalkPlan(pairs: QueryCodec.pairs(fromQuery: query))],
                                      maxPages: context.configuration.discoveryPages)[0]
        var tally = WalkTally()
        tally.count(walk)
        discovery.base = walk.isComplete || !wasComplete ? walk : (kept ?? walk)
        return tally
    }

    /// The unfiltered query at the largest page size, asking for every known per-id result
    /// so that grammar filters can be decided on its items.
    public static func discoveryPairs(spec: Spec, pools: ValuePools) -> [WirePair] {
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        var helpers = Set<String>()
        for filter in spec.filters {
            guard let results = filter.results, helpers.insert(results.param).inserted,
                  let parameter = spec.parameter(named: results.param) else { continue }
            for id in pools.values(parameter.valuePool) { pairs.append(WirePair.encoding(results.param, id)) }
        }
        return pairs
    }

    /// A first profile from a discovery: the pools the walk harvested and, as placeholders, the spec's
    /// hidden pools. Used by `convfuzz profile init`.
    public func profileDraft(_ discovery: Discovery) -> ProfileDraft {
        let configuration = context.configuration
        let spec = context.spec
        var seen = Set<String>()
        var harvested: [(pool: String, values: [String])] = []
        for (pool, _) in spec.discoveryPools where seen.insert(pool).inserted {
            harvested.append((pool, discovery.pools.values(pool)))
        }
        let host = URLComponents(string: configuration.target)?.host ?? configuration.target
        return ProfileDraft(target: host, source: configuration.endpointURL, harvested: harvested, hidden: spec.hiddenPools,
                            items: discovery.base?.items.count ?? 0, complete: discovery.base?.isComplete ?? false)
    }
}
