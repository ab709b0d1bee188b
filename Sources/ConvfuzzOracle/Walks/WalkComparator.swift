import ConvfuzzJSON
import ConvfuzzSpec

/// Compares complete walks with each other: page-size independence, completeness
/// of filtered walks, reversal, and cursor reuse under other filters.
///
/// Every comparison needs complete walks (it is silent otherwise) and ignores
/// items newer than the growth window's start.
public struct WalkComparator: Sendable {
    /// The spec.
    public let spec: Spec
    /// Reads ids.
    let parser: PageParser

    /// Creates a comparator.
    public init(spec: Spec) {
        self.spec = spec
        self.parser = PageParser(spec: spec)
    }

    /// `CF-WALK-PAGESIZE`: two complete walks of the same query with different page sizes visit the same ids.
    public func samePageSizeUnion(_ a: Walk, _ b: Walk, windowStart: Int64? = nil) -> [Finding] {
        guard a.isComplete, b.isComplete else { return [] }
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        let difference = SetDifference(expected: stableIDs(a, window), observed: stableIDs(b, window))
        guard !difference.isEmpty else { return [] }
        return [Finding(check: .walkPageSize, parameter: spec.pagination.pageSizeParam, detail: difference.kind,
                        message: "the walk with page size \(b.pageSize) differs from the walk with page size \(a.pageSize): \(difference.summary)",
                        expected: "the same ids for every page size", observed: difference.summary,
                        evidence: [evidence(a), evidence(b)])]
    }

    /// `CF-WALK-COMPLETENESS`: the filtered walk holds exactly the base walk's items that match
    /// the filtered query. `filtered` must be `base` plus filters; items whose match cannot be
    /// decided (hidden filters, results not requested by the base query) are left out.
    public func completeness(filtered: Walk, base: Walk, evaluator: FilterEvaluator, windowStart: Int64? = nil,
                             parameter: String? = nil) -> [Finding] {
        guard filtered.isComplete, base.isComplete else { return [] }
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        var expected = Set<String>()
        var undecided = Set<String>()
        var baseIDs = Set<String>()
        let given = evaluator.givenFilters(in: filtered.query)
        for item in base.items where !window.isLate(item) {
            guard let id = parser.id(of: item) else { continue }
            baseIDs.insert(id)
            switch evaluator.matches(item: item, query: filtered.query, itemQuery: base.query, filters: given) {
            case true?: expected.insert(id)
            case nil: undecided.insert(id)
            case false?: break
            }
        }
        let observed = stableIDs(filtered, window).subtracting(undecided)
        let difference = SetDifference(expected: expected, observed: observed)
        guard !difference.isEmpty else { return [] }
        let outsideBase = difference.extra.filter { !baseIDs.contains($0) }.count
        return [Finding(check: .walkCompleteness, parameter: parameter ?? filterLabel(filtered, base), detail: difference.kind,
                        message: "the filtered walk is not the base walk's matching items: \(difference.summary)"
                            + (outsideBase > 0 ? "; \(outsideBase) of the extra ids are not in the base walk at all" : ""),
                        expected: "\(expected.count) matching ids of the base walk", observed: "\(observed.count) ids: \(difference.summary)",
                        evidence: discrepancyEvidence(difference, filtered: filtered, base: base))]
    }

    /// The exact page requests (cursor included) that show a completeness discrepancy: for the first missing
    /// id, the base page that holds it and the filtered page where it belongs; for the first extra id, the
    /// filtered page that holds it. Falls back to each walk's first page.
    func discrepancyEvidence(_ difference: SetDifference, filtered: Walk, base: Walk) -> [Evidence] {
        var evidence: [Evidence] = []
        if let missing = difference.missing.first, let basePage = pageIndex(holding: missing, in: base) {
            evidence.append(Evidence(base.pages[basePage].response))
            // The filtered page where the missing id belongs: the one holding the next base id it does show.
            let baseOrder = base.items.compactMap { parser.id(of: $0) }
            let filteredIDs = Set(filtered.items.compactMap { parser.id(of: $0) })
            if let position = baseOrder.firstIndex(of: missing),
               let next = baseOrder[(position + 1)...].first(where: filteredIDs.contains),
               let filteredPage = pageIndex(holding: next, in: filtered) {
                evidence.insert(Evidence(filtered.pages[filteredPage].response), at: 0)
            } else if let last = filtered.pages.last {
                evidence.insert(Evidence(last.response), at: 0)
            }
        }
        if let extra = difference.extra.first, let filteredPage = pageIndex(holding: extra, in: filtered) {
            let page = Evidence(filtered.pages[filteredPage].response)
            if !evidence.contains(page) { evidence.append(page) }
        }
        return evidence.isEmpty ? [self.evidence(filtered), self.evidence(base)] : evidence
    }

    /// The index of the page of a walk whose items include an id.
    func pageIndex(holding id: String, in walk: Walk) -> Int? {
        walk.pages.indices.first { index in
            walk.pages[index].page?.items.contains { parser.id(of: $0) == id } ?? false
        }
    }

    /// `CF-SORT-REVERSE`: the ascending walk is the descending walk reversed.
    public func reverse(asc: Walk, desc: Walk, windowStart: Int64? = nil) -> [Finding] {
        guard asc.isComplete, desc.isComplete else { return [] }
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        let ascending = stableSequence(asc, window)
        let descending = Array(stableSequence(desc, window).reversed())
        guard ascending != descending else { return [] }
        let index = ascending.indices.first { $0 < descending.count && ascending[$0] != descending[$0] }
            ?? min(ascending.count, descending.count)
        let observed = index < ascending.count ? ascending[index] : "end"
        let expected = index < descending.count ? descending[index] : "end"
        return [Finding(check: .sortReverse, parameter: spec.pagination.order.directionParam,
                        detail: ascending.count == descending.count ? "order" : "count",
                        message: "the ascending walk (\(ascending.count) ids) is not the reverse of the descending walk (\(descending.count) ids); first difference at position \(index)",
                        expected: "\(expected) at position \(index)", observed: "\(observed) at position \(index)",
                        evidence: [evidence(asc), evidence(desc)])]
    }

    /// The ids of a walk without late items.
    func stableIDs(_ walk: Walk, _ window: GrowthWindow) -> Set<String> {
        Set(stableSequence(walk, window))
    }

    /// The ids of a walk in order, without late items.
    func stableSequence(_ walk: Walk, _ window: GrowthWindow) -> [String] {
        walk.items.filter { !window.isLate($0) }.compactMap { parser.id(of: $0) }
    }

    /// Evidence for a walk: its first page's query and the excerpt of the first page.
    func evidence(_ walk: Walk) -> Evidence {
        guard let first = walk.pages.first else { return Evidence(query: walk.baseQuery, status: nil, excerpt: "") }
        return Evidence(first.response)
    }

    /// The parameters the filtered walk sends that the base does not.
    func filterLabel(_ filtered: Walk, _ base: Walk) -> String? {
        let added = filtered.query.parameterNames.filter { !base.query.has($0) }
        return added.isEmpty ? nil : added.joined(separator: ",")
    }
}
