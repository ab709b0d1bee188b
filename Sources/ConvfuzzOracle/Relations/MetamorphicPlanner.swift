import ConvfuzzContract
import ConvfuzzSpec

/// Derives metamorphic relations from the spec's filters and projections, never from
/// a hand-written list: for a valid base query and candidate values per parameter,
/// it plans subset, AND, union, disjointness, partition, monotonicity, projection,
/// case and empty-value relations.
///
/// Only parameters the base does not send are varied. Candidates for a grammar
/// parameter are whole valid grammar items (their ids and values are reused);
/// enum parameters without candidates use the spec's enum values.
public struct MetamorphicPlanner: Sendable {
    /// The spec.
    public let spec: Spec

    /// Creates a planner.
    public init(spec: Spec) {
        self.spec = spec
    }

    /// Every relation derivable from the base and candidates, in a deterministic order.
    public func allPlans(base: [QueryItem], candidates: [String: [String]]) -> [RelationPlan] {
        let context = PlanningContext(spec: spec, base: base, candidates: candidates)
        return subsetPlans(context) + andPlans(context) + unionPlans(context) + disjointPlans(context)
            + grammarDisjointPlans(context) + partitionPlans(context) + monotonePlans(context) + projectionPlans(context)
            + casePlans(context) + emptyValuePlans(context) + unicodeCasePlans(context) + literalPlans(context)
    }

    /// At most `budget` plans chosen by `seed`: candidate values and plans are shuffled
    /// with SplitMix64, so the same seed always gives the same plans.
    ///
    /// Selection spreads the budget: first one plan of every check kind, then one of every
    /// variant of a kind (its `detail`), then round-robin
    /// over the varied parameters, parameters of hidden filters first (relations are the
    /// only check they have), each parameter cycling through its check kinds.
    public func plans(base: [QueryItem], candidates: [String: [String]], seed: UInt64, budget: Int) -> [RelationPlan] {
        var rng = SplitMix64(seed: seed)
        var shuffled: [String: [String]] = [:]
        for name in candidates.keys.sorted() { shuffled[name] = rng.shuffled(candidates[name] ?? []) }
        let hidden = Set(spec.filters.filter { $0.visibility == .hidden }.map(\.param))
        // Within the shuffled order, plans over more hidden parameters come first: for them relations
        // are the only oracle, while visible filters are also checked item by item and by completeness.
        let hiddenCount = { (plan: RelationPlan) in plan.parameter.split(separator: "+").filter { hidden.contains(String($0)) }.count }
        let all = rng.shuffled(allPlans(base: base, candidates: shuffled)).enumerated()
            .sorted { (hiddenCount($1.element), $0.offset) < (hiddenCount($0.element), $1.offset) }
            .map(\.element)
        guard budget > 0, !all.isEmpty else { return [] }
        var chosen: [RelationPlan] = []
        var taken = Set<Int>()
        var firstOfKind: [CheckID: Int] = [:]
        for (index, plan) in all.enumerated() where firstOfKind[plan.check] == nil { firstOfKind[plan.check] = index }
        for check in firstOfKind.keys.sorted() where chosen.count < budget {
            let index = firstOfKind[check]!
            chosen.append(all[index])
            taken.insert(index)
        }
        // Then one plan of every variant of a kind (e.g. exists/missing and eq/neq partitions).
        var variants = Set(taken.map { "\(all[$0].check.rawValue)|\(all[$0].detail)" })
        for (index, plan) in all.enumerated() where chosen.count < budget && !taken.contains(index) {
            guard variants.insert("\(plan.check.rawValue)|\(plan.detail)").inserted else { continue }
            chosen.append(plan)
            taken.insert(index)
        }
        // A plan over several parameters (`a+b`) queues under its first hidden one, else its first.
        func key(_ plan: RelationPlan) -> String {
            let names = plan.parameter.split(separator: "+").map(String.init)
            return names.first { hidden.contains($0) } ?? names.first ?? plan.parameter
        }
        var queues: [String: [Int]] = [:]
        for (index, plan) in all.enumerated() where !taken.contains(index) {
            queues[key(plan), default: []].append(index)
        }
        for name in queues.keys { queues[name] = interleavedByCheck(queues[name]!, all) }
        let order = queues.keys.sorted { lhs, rhs in
            let left = hidden.contains(lhs)
            let right = hidden.contains(rhs)
            return left != right ? left : lhs < rhs
        }
        var round = 0
        while chosen.count < budget {
            var added = false
            for key in order where chosen.count < budget {
                guard let queue = queues[key], round < queue.count else { continue }
                chosen.append(all[queue[round]])
                added = true
            }
            if !added { break }
            round += 1
        }
        return chosen
    }

    /// Check kinds by how many faults they find when a parameter gets only a few plans:
    /// an ignored or half-applied filter shows first in disjointness, unions and partitions.
    static let kindPriority: [CheckID] = [.metaDisjoint, .metaUnion, .metaPartition, .metaEmpty, .metaCase, .metaLiteral, .metaMonotone,
                                          .metaAnd, .metaSubset, .metaProjection]

    /// Plan indices reordered so that consecutive ones differ in check kind, strongest kinds first.
    private func interleavedByCheck(_ indices: [Int], _ all: [RelationPlan]) -> [Int] {
        var byCheck: [CheckID: [Int]] = [:]
        for index in indices { byCheck[all[index].check, default: []].append(index) }
        let rank = { (check: CheckID) in Self.kindPriority.firstIndex(of: check) ?? Self.kindPriority.count }
        var out: [Int] = []
        var round = 0
        while out.count < indices.count {
            for check in byCheck.keys.sorted(by: { (rank($0), $0) < (rank($1), $1) }) {
                if let list = byCheck[check], round < list.count { out.append(list[round]) }
            }
            round += 1
        }
        return out
    }
}

// MARK: - Projection

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
