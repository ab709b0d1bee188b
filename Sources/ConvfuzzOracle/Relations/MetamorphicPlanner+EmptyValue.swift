import ConvfuzzSpec

extension MetamorphicPlanner {
    /// `CF-META-EMPTY`: a text filter sent with an empty value means what its `empty_means` declares:
    /// `no_filter` gives exactly the base's ids, `nothing` gives none.
    func emptyValuePlans(_ context: PlanningContext) -> [RelationPlan] {
        context.freeFilters.compactMap { filter in
            guard let meaning = filter.emptyMeans else { return nil }
            let withEmpty = context.query(filter.param, "")
            switch meaning {
            case .noFilter:
                return RelationPlan(check: .metaEmpty, parameter: filter.param, detail: meaning.rawValue,
                                    description: "an empty \(filter.param) means no filter and must give the ids without it",
                                    queries: [context.base, withEmpty], relation: .equal(0, 1))
            case .nothing:
                return RelationPlan(check: .metaEmpty, parameter: filter.param, detail: meaning.rawValue,
                                    description: "an empty \(filter.param) matches nothing and must give no id",
                                    queries: [withEmpty], relation: .empty(0))
            }
        }
    }
}
