import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

extension ResponseOracle {
    /// Page-level checks of a parsed success page.
    public func pageFindings(_ page: Page, classification: Classification, response: ObservedResponse) -> [Finding] {
        let query = classification.query
        var findings: [Finding] = []
        findings += pageSizeFindings(page, query: query, response: response)
        findings += orderFindings(page, query: query, response: response)
        findings += hasMoreFindings(page, response: response)
        findings += projectionFindings(page, query: query, response: response)
        findings += resultsIDFindings(page, query: query, response: response)
        switch classification.expectation {
        case .empty(let relation):
            findings += relationEmptyFindings(page, relation: relation, response: response)
        case .success:
            findings += filterFindings(page, query: query, response: response)
        case .invalid:
            break
        }
        return findings
    }

    /// `CF-PAGE-SIZE`.
    func pageSizeFindings(_ page: Page, query: EffectiveQuery, response: ObservedResponse) -> [Finding] {
        let limit = reading.pageSize(query)
        guard page.items.count > limit else { return [] }
        let param = spec.pagination.pageSizeParam
        let sent = query.scalar(param) != nil
        return [Finding(check: .pageSize, parameter: param, detail: sent ? "sent" : "default",
                        message: "the page holds \(page.items.count) items, more than \(sent ? "\(param)=\(limit)" : "the default page size \(limit)")",
                        expected: "at most \(limit) items", observed: "\(page.items.count) items", evidence: [Evidence(response)])]
    }

    /// `CF-ORDER`: consecutive items strictly in the declared order.
    func orderFindings(_ page: Page, query: EffectiveQuery, response: ObservedResponse) -> [Finding] {
        let order = ItemOrder(spec: spec, direction: reading.direction(query))
        var bad: [(index: Int, kind: String)] = []
        for index in page.items.indices.dropLast() {
            let a = page.items[index], b = page.items[index + 1]
            switch order.compare(a, b) {
            case .after:
                bad.append((index, order.key(a) == order.key(b) ? "tie-break" : "key"))
            case .same where order.order.tieBreak != nil:
                bad.append((index, "duplicate"))
            default:
                break
            }
        }
        guard let first = bad.first else { return [] }
        let a = page.items[first.index], b = page.items[first.index + 1]
        return [Finding(check: .order, detail: "\(order.direction.rawValue):\(first.kind)",
                        message: "items \(first.index) and \(first.index + 1) are out of order (\(first.kind)) for \(order.text)"
                            + (bad.count > 1 ? "; \(bad.count) such pairs on the page" : ""),
                        expected: "item \(first.index + 1) strictly after item \(first.index) in \(order.text)",
                        observed: "\(order.describe(a)) then \(order.describe(b))",
                        evidence: [Evidence(response, excerpt: Excerpt.json(.array([a, b])))])]
    }

    /// `CF-HASMORE-CURSOR`.
    func hasMoreFindings(_ page: Page, response: ObservedResponse) -> [Finding] {
        guard let hasMore = page.hasMore else { return [] }
        let cursorPresent = page.nextCursorValue.map { !$0.isNull } ?? false
        guard hasMore != cursorPresent else { return [] }
        let p = spec.pagination
        let cursorText = page.nextCursorValue.map(\.description) ?? "absent"
        return [Finding(check: .hasMoreCursor, detail: hasMore ? "true-without-cursor" : "false-with-cursor",
                        message: "\(p.hasMoreField) is \(hasMore) but \(p.nextCursorField) is \(Excerpt.clip(cursorText))",
                        expected: "\(p.hasMoreField) true exactly when \(p.nextCursorField) is non-null",
                        observed: "\(p.hasMoreField)=\(hasMore), \(p.nextCursorField)=\(Excerpt.clip(cursorText))",
                        evidence: [Evidence(response, excerpt: Excerpt.json(.object(JSONObject([
                            (key: p.hasMoreField, value: .bool(hasMore)),
                            (key: p.nextCursorField, value: page.nextCursorValue ?? .null),
                        ]))))])]
    }

    /// `CF-RELATION-EMPTY`: conflicting bounds give an empty page with nothing more.
    func relationEmptyFindings(_ page: Page, relation: String, response: ObservedResponse) -> [Finding] {
        guard !page.items.isEmpty || page.hasMore == true else { return [] }
        return [Finding(check: .relationEmpty, detail: relation,
                        message: "conflicting bounds \(relation) returned \(page.items.count) items" + (page.hasMore == true ? " and more to follow" : ""),
                        expected: "an empty page and no further pages",
                        observed: "\(page.items.count)\(Finding.itemsObservedSuffix)\(spec.pagination.hasMoreField)=\(page.hasMore.map(String.init) ?? "?")",
                        evidence: [Evidence(response)])]
    }

    /// `CF-FILTER`: one finding per (parameter, detail) on the page.
    func filterFindings(_ page: Page, query: EffectiveQuery, response: ObservedResponse) -> [Finding] {
        var groups: [(key: String, first: FilterViolation, item: JSONValue, count: Int)] = []
        let filters = evaluator.givenFilters(in: query).filter { $0.visibility != .hidden }
        guard !filters.isEmpty else { return [] }
        for item in page.items {
            for violation in evaluator.violations(item: item, query: query, filters: filters) {
                let key = violation.parameter + "|" + violation.detail
                if let index = groups.firstIndex(where: { $0.key == key }) {
                    groups[index].count += 1
                } else {
                    groups.append((key, violation, item, 1))
                }
            }
        }
        return groups.map { group in
            Finding(check: .filter, parameter: group.first.parameter, detail: group.first.detail,
                    message: group.first.message + (group.count > 1 ? " (\(group.count) items on the page)" : ""),
                    expected: group.first.expected, observed: group.first.observed,
                    evidence: [Evidence(response, excerpt: Excerpt.json(group.item))])
        }
    }
}

// MARK: - Reading a relation-empty finding

extension Finding {
    /// What follows the item count in a `CF-RELATION-EMPTY` finding's `observed` text.
    static let itemsObservedSuffix = " items, "

    /// True for a `CF-RELATION-EMPTY` finding whose page was empty and only the has-more flag claimed
    /// more items: the bounds were applied, the page's has-more signal was not honest.
    public var isEmptyPageClaimingMore: Bool {
        check == .relationEmpty && observed.hasPrefix("0" + Self.itemsObservedSuffix)
    }
}
