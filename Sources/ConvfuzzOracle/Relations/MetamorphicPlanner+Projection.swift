import ConvfuzzSpec

extension MetamorphicPlanner {
    /// `CF-META-PROJECTION`: every value of a response-shaping parameter gives the base's ids.
    func projectionPlans(_ context: PlanningContext) -> [RelationPlan] {
        var plans: [RelationPlan] = []
        for projection in spec.projections where !context.sent.contains(projection.param) {
            var values = projection.when.keys.sorted()
            if projection.keys != nil, let id = context.values(projection.param).first { values.append(id) }
            for value in values {
                plans.append(RelationPlan(check: .metaProjection, parameter: projection.param, detail: projection.keys != nil ? "ids" : value,
                                          description: "\(projection.param)=\(value) must not change which ids are returned",
                                          queries: [context.base, context.query(projection.param, value)], relation: .equal(0, 1)))
            }
        }
        return plans
    }
}
