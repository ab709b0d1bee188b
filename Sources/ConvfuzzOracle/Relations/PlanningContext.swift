import ConvfuzzContract
import ConvfuzzSpec

/// The base query and candidate values a planner works from.
struct PlanningContext {
    let spec: Spec
    let base: [QueryItem]
    let candidates: [String: [String]]
    let sent: Set<String>

    init(spec: Spec, base: [QueryItem], candidates: [String: [String]]) {
        self.spec = spec
        self.base = base
        self.candidates = candidates
        self.sent = Set(base.map(\.name))
    }

    /// Filters on parameters the base does not send, one per parameter, in spec order.
    var freeFilters: [FilterSpec] {
        var seen = Set<String>()
        return spec.filters.filter { !sent.contains($0.param) && spec.parameter(named: $0.param) != nil && seen.insert($0.param).inserted }
    }

    /// Distinct candidate values of a parameter (enum values when none are given), within bounds.
    func values(_ name: String) -> [String] {
        guard let parameter = spec.parameter(named: name) else { return [] }
        var raw = candidates[name] ?? []
        if raw.isEmpty && parameter.valueType == .enum { raw = parameter.valueEnum }
        if raw.isEmpty, parameter.valueType == .integer, let low = parameter.valueBounds.minimum, let high = parameter.valueBounds.maximum {
            raw = low == high ? [String(low)] : [String(low), String(high)]
        }
        var seen = Set<String>()
        return raw.filter { value in
            guard seen.insert(value).inserted else { return false }
            guard parameter.valueType == .integer else { return true }
            guard let number = Int64(value.hasPrefix("+") ? String(value.dropFirst()) : value) else { return false }
            let bounds = parameter.valueBounds
            return number >= (bounds.minimum ?? .min) && number <= (bounds.maximum ?? .max)
        }
    }

    /// The base plus items.
    func query(_ extra: [QueryItem]) -> [QueryItem] { base + extra }

    /// The base plus one `name=value`.
    func query(_ name: String, _ value: String) -> [QueryItem] { base + [QueryItem(name, value)] }
}
