import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Walks the unfiltered query at the largest page size: harvests pools and cursors, fixes the growth window,
    /// and keeps the items as the base set for completeness checks.
    func discover() {
        let pagination = spec.pagination
        let pairs = [WirePair.encoding(pagination.pageSizeParam, String(pagination.maxPageSize))]
        let plan = WalkPlan(pairs: pairs, pageSize: pagination.maxPageSize, keepItems: true)
        report("discovery", done: 0, total: configuration.discoveryPages)
        let record = walker.run([plan], maxPages: configuration.discoveryPages)[0]
        statistics.walks += 1
        statistics.pagesWalked += record.pages.count
        var harvester = PoolHarvester(spec: spec)
        for item in record.items {
            for field in harvester.fields {
                guard let value = item[field] else { continue }
                if let array = value.arrayValue {
                    for element in array { if let text = element.wireText { harvester.add(field: field, value: text) } }
                } else if let text = value.wireText, !value.isNull {
                    harvester.add(field: field, value: text)
                }
            }
        }
        for page in record.pages {
            if let cursor = page.page?.nextCursor {
                harvester.add(cursor: cursor)
                issued.insert(cursor)
            }
        }
        pools = harvester.pools(mergingInto: pools)
        if configuration.window == .now, let timeField = pagination.timeField {
            windowStart = record.items.compactMap { $0[timeField]?.int64Value }.max()
        }
        discovery = record
        checkWalk(record, origin: .walk(query: plan.query, pageSize: pagination.maxPageSize))
    }
}
