import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

/// Phase 2: walks the unfiltered query at the largest page size, asking for every per-id result the
/// pools know. It harvests pools and issued cursors, fixes the growth window, and keeps the walk as the
/// base set for completeness checks: the ``Discovery`` every later phase is judged against.
public struct DiscoveryPhase: Sendable {
    /// What discovery learnt and found.
    public struct Result: Sendable {
        /// Pools, base walk, issued cursors and window.
        public var discovery: Discovery
        /// Findings on the discovery walk.
        public var findings: FindingLog
    }

    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The discovery query: the largest page size, and every per-id result the pools know.
    public func pairs(pools: ValuePools) -> [WirePair] {
        let spec = context.spec
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        var helpers = Set<String>()
        for filter in spec.filters {
            guard let results = filter.results, helpers.insert(results.param).inserted,
                  let parameter = spec.parameter(named: results.param) else { continue }
            for id in pools.values(parameter.valuePool) { pairs.append(WirePair.encoding(results.param, id)) }
        }
        return pairs
    }

    /// Walks the discovery query, starting from the profile's pools.
    public func run(pools: ValuePools, known: Set<String> = []) -> Result {
        let spec = context.spec
        let configuration = context.configuration
        let plan = context.plan(pairs(pools: pools))
        context.progress.report("discovery", done: 0, total: configuration.discoveryPages, findings: known.count)
        let walk = context.walker.run([plan], maxPages: configuration.discoveryPages)[0]
        var harvester = PoolHarvester(spec: spec)
        var issued = CursorBook()
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
                                  windowStart: windowStart)
        var log = FindingLog(known: known)
        let findings = context.walkOracle.check(walk, windowStart: windowStart)
        let fresh = log.record(findings, origin: .walk(query: plan.query, pageSize: walk.pageSize),
                               replay: .walk(query: plan.query, pageSize: walk.pageSize, companion: nil), confirm: .replay)
        context.progress.announce(fresh)
        return Result(discovery: discovery, findings: log)
    }

    /// Walks the discovery's query again; the new walk becomes the base when it completed
    /// (or when the old one had not).
    public func refresh(_ discovery: Discovery) -> Discovery {
        guard let previous = discovery.base else { return discovery }
        let walk = context.walker.run([context.plan(query: previous.baseQuery)], maxPages: context.configuration.discoveryPages)[0]
        return walk.isComplete || !previous.isComplete ? discovery.withBase(walk) : discovery
    }
}
