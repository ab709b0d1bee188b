import ConvfuzzOracle
import ConvfuzzSpec

/// The order in which relations are walked and judged under a request budget: value first.
///
/// First one plan of every check kind, each time the one whose walks not yet planned cost the fewest
/// pages (``WalkCost``), so every kind is judged before any is judged twice. Then the rest, each time the
/// plan with the fewest new pages per unit of value, where a plan's value is one plus the number of
/// hidden filters it varies (relations are the only check a hidden filter has). A walk several plans
/// share is counted once, for the first of them. Without a budget the planner's order is kept.
struct RelationOrder: Sendable {
    /// The spec (which filters are hidden).
    let spec: Spec
    /// The page estimates.
    let cost: WalkCost

    /// Positions of `plans` in the order to walk and judge them.
    func order(_ plans: [RelationPlan]) -> [Int] {
        let hidden = Set(spec.filters.filter { $0.visibility == .hidden }.map(\.param))
        var pagesOf: [String: Int] = [:]
        func pages(_ query: String) -> Int {
            if let known = pagesOf[query] { return known }
            let estimate = cost.pages(query: query)
            pagesOf[query] = estimate
            return estimate
        }
        let queries = plans.map { Set($0.queryStrings) }
        var planned = Set<String>()
        func marginal(_ index: Int) -> Int { queries[index].subtracting(planned).reduce(0) { $0 + pages($1) } }
        func value(_ index: Int) -> Int {
            1 + plans[index].parameter.split(separator: "+").filter { hidden.contains(String($0)) }.count
        }
        var left = Array(plans.indices)
        var out: [Int] = []
        func take(_ index: Int) {
            out.append(index)
            planned.formUnion(queries[index])
            left.removeAll { $0 == index }
        }
        var kinds = Set(plans.map(\.check))
        while let best = left.filter({ kinds.contains(plans[$0].check) }).min(by: { (marginal($0), $0) < (marginal($1), $1) }) {
            kinds.remove(plans[best].check)
            take(best)
        }
        while let best = left.min(by: { lhs, rhs in
            (Double(marginal(lhs)) / Double(value(lhs)), lhs) < (Double(marginal(rhs)) / Double(value(rhs)), rhs)
        }) {
            take(best)
        }
        return out
    }
}
