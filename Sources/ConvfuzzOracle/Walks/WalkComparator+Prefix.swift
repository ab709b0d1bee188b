import ConvfuzzJSON
import ConvfuzzSpec

/// Comparisons of walk prefixes: a shrunk walk finding is replayed as the first pages of a walk
/// (``WalkEnd/sampled(_:)``), and a prefix can only be compared with another walk up to the last item
/// both have reached. Items are placed by the declared order (``ItemOrder``); an item whose place
/// cannot be decided is left out of both sides.
extension WalkComparator {
    // MARK: Page-size independence

    /// `CF-WALK-PAGESIZE` over walks of which one or both are prefixes: up to the earlier of their last
    /// items, both visit the same ids. Two complete walks are compared whole (``samePageSizeUnion(_:_:windowStart:)``).
    public func prefixPageSizeUnion(_ a: Walk, _ b: Walk, windowStart: Int64? = nil) -> [Finding] {
        if a.isComplete && b.isComplete { return samePageSizeUnion(a, b, windowStart: windowStart) }
        guard a.direction == b.direction, let reach = commonReach([a, b]) else { return [] }
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        let order = ItemOrder(spec: spec, direction: a.direction)
        let difference = SetDifference(expected: ids(of: a, upTo: reach, order, window),
                                       observed: ids(of: b, upTo: reach, order, window))
        guard !difference.isEmpty else { return [] }
        let limit = reach.map { " up to \(order.describe($0))" } ?? ""
        return [Finding(check: .walkPageSize, parameter: spec.pagination.pageSizeParam, detail: difference.kind,
                        message: "the walk with page size \(b.pageSize) differs from the walk with page size \(a.pageSize)\(limit): \(difference.summary)",
                        expected: "the same ids for every page size", observed: difference.summary,
                        evidence: [evidence(a), evidence(b)])]
    }

    // MARK: Completeness

    /// `CF-WALK-COMPLETENESS` of a filtered walk prefix: up to its last item, it holds exactly the base
    /// walk's matching items. A complete filtered walk is compared whole (``completeness(filtered:base:evaluator:windowStart:parameter:)``).
    public func prefixCompleteness(filtered: Walk, base: Walk, evaluator: FilterEvaluator, windowStart: Int64? = nil,
                                   parameter: String? = nil) -> [Finding] {
        if filtered.isComplete {
            return completeness(filtered: filtered, base: base, evaluator: evaluator, windowStart: windowStart, parameter: parameter)
        }
        guard base.isComplete, let reach = commonReach([filtered]), let last = reach else { return [] }
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        let order = ItemOrder(spec: spec, direction: filtered.direction)
        var expected = Set<String>()
        var undecided = Set<String>()
        let given = evaluator.givenFilters(in: filtered.query)
        for item in base.items where !window.isLate(item) {
            guard let id = parser.id(of: item) else { continue }
            switch order.compare(item, last) {
            case .after: continue
            case .unknown: undecided.insert(id); continue
            case .before, .same: break
            }
            switch evaluator.matches(item: item, query: filtered.query, itemQuery: base.query, filters: given) {
            case true?: expected.insert(id)
            case nil: undecided.insert(id)
            case false?: break
            }
        }
        let observed = ids(of: filtered, upTo: reach, order, window).subtracting(undecided)
        let difference = SetDifference(expected: expected, observed: observed)
        guard !difference.isEmpty else { return [] }
        let pages = filtered.pages.count
        return [Finding(check: .walkCompleteness, parameter: parameter ?? filterLabel(filtered, base), detail: difference.kind,
                        message: "the first \(pages) page(s) of the filtered walk are not the base walk's matching items up to \(order.describe(last)): \(difference.summary)",
                        expected: "\(expected.count) matching ids of the base walk up to \(order.describe(last))",
                        observed: "\(observed.count) ids: \(difference.summary)",
                        evidence: discrepancyEvidence(difference, filtered: filtered, base: base))]
    }

    // MARK: Reach

    /// How far walks reach together: `.some(nil)` when every walk is complete, the earliest last item of
    /// the prefixes otherwise, and nil when a walk can be compared with nothing (it failed, looped or
    /// was stopped unjudged, a prefix holds no item, or two last items cannot be placed).
    func commonReach(_ walks: [Walk]) -> JSONValue?? {
        var reach: JSONValue?
        for walk in walks {
            switch walk.end {
            case .completed: continue
            case .sampled: break
            case .pageLimit, .memoryBound, .repeatedCursor, .failed: return nil
            }
            guard let last = walk.items.last else { return nil }
            guard let current = reach else {
                reach = last
                continue
            }
            switch ItemOrder(spec: spec, direction: walk.direction).compare(last, current) {
            case .before: reach = last
            case .after, .same: break
            case .unknown: return nil
            }
        }
        return .some(reach)
    }

    /// The ids of a walk's items up to `reach` (every item when nil), without late items.
    func ids(of walk: Walk, upTo reach: JSONValue?, _ order: ItemOrder, _ window: GrowthWindow) -> Set<String> {
        var within = Set<String>()
        for item in walk.items where !window.isLate(item) {
            guard let id = parser.id(of: item) else { continue }
            if let reach {
                let place = order.compare(item, reach)
                guard place == .before || place == .same else { continue }
            }
            within.insert(id)
        }
        return within
    }
}
