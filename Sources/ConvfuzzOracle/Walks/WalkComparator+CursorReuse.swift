import ConvfuzzJSON
import ConvfuzzSpec

extension WalkComparator {
    /// `CF-CURSOR-REUSE`: a cursor from the base walk's first page, sent with another
    /// query, continues from its position under that query.
    ///
    /// - Parameters:
    ///   - basePage: the base walk's first page; its last item is the cursor's position.
    ///   - other: a complete walk of the other query (same direction as the base).
    ///   - reused: the response to the other query plus the base page's cursor.
    ///   - pageSize: the effective page size of the reused request.
    public func cursorReuse(basePage: Page, other: Walk, reused: ObservedResponse, pageSize: Int,
                            windowStart: Int64? = nil) -> [Finding] {
        guard other.isComplete, let position = basePage.items.last, basePage.nextCursor != nil else { return [] }
        let label = filterLabel(other)
        if spec.pagination.cursorBinding == .query {
            guard let status = reused.status, (200..<300).contains(status) else { return [] }
            return [Finding(check: .cursorReuse, detail: "accepted",
                            message: "a cursor bound to its query was accepted with other filters (\(label ?? "none"))",
                            expected: "\(spec.pagination.invalidCursorStatus)", observed: "\(status)", evidence: [Evidence(reused)])]
        }
        guard reused.status == spec.response.status, reused.transportError == nil else {
            return [Finding(check: .cursorReuse, detail: "rejected:\(reused.status.map(String.init) ?? "none")",
                            message: "a cursor sent with other filters (\(label ?? "none")) was not accepted",
                            expected: "\(spec.response.status) continuing from the cursor's position",
                            observed: reused.status.map { "\($0)" } ?? (reused.transportError ?? "no response"),
                            evidence: [Evidence(reused)])]
        }
        guard case .success(let page) = parser.parse(reused.body) else { return [] }
        let order = ItemOrder(spec: spec, direction: other.direction)
        let window = GrowthWindow(spec: spec, windowStart: windowStart)
        var expected: [String] = []
        for item in other.items where !window.isLate(item) {
            guard let after = order.isAfter(position: position, item: item) else { return [] }
            if after, let id = parser.id(of: item) { expected.append(id) }
        }
        expected = Array(expected.prefix(pageSize))
        let observedAll = page.items.filter { !window.isLate($0) }.compactMap { parser.id(of: $0) }
        let lateCount = page.items.count - page.items.filter { !window.isLate($0) }.count
        let consistent: Bool
        if lateCount == 0 {
            consistent = observedAll == expected
        } else {
            consistent = Array(expected.prefix(observedAll.count)) == observedAll
                && (observedAll.count == expected.count || page.items.count == pageSize)
        }
        guard !consistent else { return [] }
        let difference = SetDifference(expected: Set(expected), observed: Set(observedAll))
        let describe = difference.isEmpty ? "same ids in another order" : difference.summary
        return [Finding(check: .cursorReuse, detail: difference.isEmpty ? "order" : difference.kind,
                        message: "the cursor's page under other filters (\(label ?? "none")) does not continue after \(order.describe(position)): \(describe)",
                        expected: "[\(SetDifference.examples(expected))] (the other walk's items after the position)",
                        observed: "[\(SetDifference.examples(observedAll))]",
                        evidence: [Evidence(reused), evidence(other)])]
    }

    /// The filters of a walk, for labels.
    func filterLabel(_ walk: Walk) -> String? {
        let pagination = spec.pagination
        let names = walk.query.parameterNames.filter {
            $0 != pagination.pageSizeParam && $0 != pagination.cursorParam && $0 != pagination.order.directionParam
        }
        return names.isEmpty ? nil : names.joined(separator: ",")
    }
}
