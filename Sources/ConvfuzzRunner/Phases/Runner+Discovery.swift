import Foundation
import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// The unfiltered query at the largest page size, asking for every known per-id result
    /// so that grammar filters can be decided on its items.
    func discoveryPairs() -> [WirePair] {
        var pairs = [WirePair.encoding(spec.pagination.pageSizeParam, String(spec.pagination.maxPageSize))]
        var helpers = Set<String>()
        for filter in spec.filters {
            guard let results = filter.results, helpers.insert(results.param).inserted,
                  let parameter = spec.parameter(named: results.param) else { continue }
            for id in pools.values(parameter.valuePool) { pairs.append(WirePair.encoding(results.param, id)) }
        }
        return pairs
    }

    /// Walks the discovery query again and makes it the base for completeness checks.
    func refreshBase() {
        guard let previous = discovery else { return }
        let walk = walker.run([WalkPlan(pairs: QueryCodec.pairs(fromQuery: previous.baseQuery))],
                              maxPages: configuration.discoveryPages)[0]
        statistics.walks += 1
        statistics.pagesWalked += walk.pages.count
        if walk.isComplete || !previous.isComplete { discovery = walk }
    }

    /// Walks the unfiltered query: harvests pools and cursors, fixes the growth window,
    /// and keeps the walk as the base set for completeness checks.
    func discover() {
        let plan = WalkPlan(pairs: discoveryPairs())
        report("discovery", done: 0, total: configuration.discoveryPages)
        let walk = walker.run([plan], maxPages: configuration.discoveryPages)[0]
        statistics.walks += 1
        statistics.pagesWalked += walk.pages.count
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
        for page in walk.pages {
            if let cursor = page.page?.nextCursor {
                harvester.add(cursor: cursor)
                issued.insert(cursor)
            }
        }
        pools = harvester.pools(mergingInto: pools)
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
        discovery = walk
        // Past the deadline only the walk-level checks run: re-checking every page would overrun it.
        let findings = outOfBudget() ? walkOracle.walkLevelFindings(walk, windowStart: windowStart)
                                     : walkOracle.check(walk, windowStart: windowStart)
        ledger.record(findings, origin: .walk(query: plan.query, pageSize: walk.pageSize),
                      replay: .walk(query: plan.query, pageSize: walk.pageSize, companion: nil),
                      confirm: .rerun { [self] in rerunWalk(query: plan.query, pageSize: walk.pageSize, companion: nil) })
        announce(findings)
    }
}
