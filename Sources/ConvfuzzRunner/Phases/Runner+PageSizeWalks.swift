import ConvfuzzContract
import ConvfuzzOracle
import ConvfuzzSpec

extension Runner {
    /// Walks one query at page sizes 1, 2, the default and the maximum (`PageSizeWalkPlanner`):
    /// each walk is checked, compared with the walk at the largest size and with the discovery walk.
    func runPageSizeWalks(_ mains: [Walk]) {
        let fallback = discovery.map { QueryCodec.pairs(fromQuery: $0.baseQuery) }
        guard let plan = PageSizeWalkPlanner(spec: spec).plan(walks: mains, fallback: fallback,
                                                               maxWalkPages: configuration.maxWalkPages) else { return }
        if configuration.verbose {
            for sized in plan.walks { progress.note("walk at page size \(sized.name): \(sized.plan.query)") }
        }
        let walks = walker.run(plan.walks.map(\.plan), maxPages: plan.maxPages)
        guard let reference = walks.last else { return }
        for (sized, walk) in zip(plan.walks, walks) {
            if walk.isComplete { coverage.recordWalk(pageSize: walk.pageSize) }
            let isReference = sized.plan == plan.reference
            var findings = walkFindings(main: walk, companion: nil)
            if !isReference { findings += comparator.samePageSizeUnion(reference, walk, windowStart: windowStart) }
            let query = sized.plan.query
            let companion = isReference ? nil : plan.reference.query
            record(findings, walk: walk, replay: .walk(query: query, pageSize: walk.pageSize, companion: companion)) { [self] in
                rerunWalk(query: query, pageSize: walk.pageSize, companion: companion)
            }
        }
    }
}
