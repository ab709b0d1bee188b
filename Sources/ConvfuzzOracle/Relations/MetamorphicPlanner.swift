import ConvfuzzGeneration
import ConvfuzzSpec

/// Derives metamorphic relations from the spec's filters and projections, never from
/// a hand-written list: for a valid base query and candidate values per parameter,
/// it plans subset, AND, union, disjointness, partition, monotonicity and projection
/// relations.
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
    }

    /// At most `budget` plans chosen by `seed`: candidate values and plans are shuffled
    /// with SplitMix64, so the same seed always gives the same plans. Every check kind
    /// that has plans gets at least one before any kind gets a second.
    public func plans(base: [QueryItem], candidates: [String: [String]], seed: UInt64, budget: Int) -> [RelationPlan] {
        var rng = SplitMix64(seed: seed)
        var shuffled: [String: [String]] = [:]
        for name in candidates.keys.sorted() { shuffled[name] = rng.shuffled(candidates[name] ?? []) }
        let all = rng.shuffled(allPlans(base: base, candidates: shuffled))
        var byCheck: [CheckID: [RelationPlan]] = [:]
        for plan in all { byCheck[plan.check, default: []].append(plan) }
        var chosen: [RelationPlan] = []
        var round = 0
        while chosen.count < budget {
            let batch = byCheck.keys.sorted().compactMap { byCheck[$0].flatMap { round < $0.count ? $0[round] : nil } }
            if batch.isEmpty { break }
            chosen += batch.prefix(budget - chosen.count)
            round += 1
        }
        return chosen
    }
}
