import ConvfuzzOracle

// MARK: - Walks within a request budget

extension WalkPhase {
    /// How many samples the walk phase takes: `--walks`, or under a request budget as many as its share
    /// can walk to their end (the samples are walked side by side, so a share cut across all of them
    /// would leave none complete and nothing judged). A sample costs its walk and its companion, each
    /// at most the base set's pages at the default page size, counted as half (a filter keeps part of it).
    func affordableSamples(_ discovery: Discovery) -> Int {
        let wanted = context.configuration.walkSample
        guard let share = context.executor.budget.phaseRemaining else { return wanted }
        let items = discovery.base?.items.count ?? 0
        let pages = items / max(1, context.spec.pagination.defaultPageSize) + 1
        return RequestPlanner.affordable(wanted, share: share, costEach: 2 * max(2, pages / 2))
    }
}
