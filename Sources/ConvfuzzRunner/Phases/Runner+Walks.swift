import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Picks up to `count` valid cases spread evenly over the run (deterministic).
    func sampleValidCases(_ count: Int) -> [GeneratedCase] {
        guard count > 0, !validCases.isEmpty else { return [] }
        if validCases.count <= count { return validCases }
        let step = Double(validCases.count) / Double(count)
        return (0..<count).map { validCases[Int(Double($0) * step)] }
    }

    /// Walks a sample of valid queries: each walk is checked, compared with a walk at another page size,
    /// with the discovery walk (completeness), with the reverse order, and with a reused cursor.
    func runWalks() {
        let sample = sampleValidCases(configuration.walkSample)
        guard !sample.isEmpty else { return }
        report("walks", done: 0, total: sample.count)
        let pageSizeParam = spec.pagination.pageSizeParam
        var plans: [WalkPlan] = []
        var queries: [EffectiveQuery] = []
        for generated in sample {
            let query = generated.classification.query
            let pairs = shaper.withResultsHelpers(shaper.withoutCursor(generated.pairs), query: query)
            let size = shaper.pageSize(of: query)
            plans.append(WalkPlan(pairs: pairs, pageSize: size, keepItems: true))
            let other = shaper.companionPageSize(for: size)
            plans.append(WalkPlan(pairs: shaper.setting(pageSizeParam, to: String(other), in: pairs), pageSize: other))
            queries.append(classifier.classify(pairs, issuedCursors: issued).query)
        }
        let records = walker.run(plans)
        for (offset, query) in queries.enumerated() {
            let main = records[2 * offset]
            let companion = records[2 * offset + 1]
            statistics.walks += 2
            statistics.pagesWalked += main.pages.count + companion.pages.count
            let origin = FindingOrigin.walk(query: main.plan.query, pageSize: main.plan.pageSize ?? spec.pagination.defaultPageSize)
            checkWalk(main, origin: origin)
            checkWalk(companion, origin: .walk(query: companion.plan.query, pageSize: companion.plan.pageSize ?? 0))
            comparePageSizes(main, companion, origin: origin)
            checkCompleteness(main, query: query, origin: origin)
            report("walks", done: offset + 1, total: sample.count)
            if outOfBudget() { return }
        }
        checkReverse(sample: Array(zip(plans.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), queries)).prefix(2),
                     records: records.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        checkCursorReuse(records: records.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), queries: queries)
    }

    /// The ids of a walk, without items newer than the growth window.
    func windowedIDs(_ record: WalkRecord) -> [String] {
        guard let windowStart else { return record.ids }
        return zip(record.ids, record.times).filter { ($0.1 ?? Int64.min) <= windowStart }.map(\.0)
    }

    /// Whether an item is older than the growth window (always true without a window).
    func inWindow(_ item: JSONValue) -> Bool {
        guard let windowStart, let timeField = spec.pagination.timeField else { return true }
        return (item[timeField]?.int64Value ?? Int64.min) <= windowStart
    }
}
