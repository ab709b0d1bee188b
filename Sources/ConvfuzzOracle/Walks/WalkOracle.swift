import ConvfuzzJSON
import ConvfuzzSpec

/// Checks one cursor walk: every page as a response, then the walk as a whole
/// (`CF-WALK-LOOP`, `CF-WALK-DUP`, `CF-WALK-ORDER`, `CF-WALK-HASMORE`).
public struct WalkOracle: Sendable {
    /// The spec.
    public let spec: Spec
    /// Per-page checks.
    public let responses: ResponseOracle
    /// A walk that hit the page bound is a loop only when the bound allowed more than
    /// `loopFactor` times the expected number of items (plus one page).
    public let loopFactor: Int

    /// Creates a walk oracle.
    public init(spec: Spec, loopFactor: Int = 2) {
        self.spec = spec
        self.responses = ResponseOracle(spec: spec)
        self.loopFactor = loopFactor
    }

    /// Every finding of a walk. `windowStart` enables the growth window. A walk stopped by the page
    /// bound is a loop; with `expectedTotal` (the number of items the walk should visit, if known)
    /// only when the bound allowed far more than those items.
    public func check(_ walk: Walk, windowStart: Int64? = nil, expectedTotal: Int? = nil) -> [Finding] {
        var findings: [Finding] = []
        for walkPage in walk.pages {
            if let checked = walkPage.checked {
                findings += checked
            } else {
                findings += responses.check(classification: walk.classification, response: walkPage.response,
                                            parsed: walkPage.page?.json)
            }
        }
        findings += loopFindings(walk, expectedTotal: expectedTotal)
        findings += duplicateFindings(walk, window: GrowthWindow(spec: spec, windowStart: windowStart))
        findings += boundaryOrderFindings(walk)
        findings += hasMoreFindings(walk)
        return findings
    }

    /// The walk-level findings only (loop, duplicates, order across pages, has-more), without
    /// re-checking every page as a response: for a walk checked when the run's deadline has passed.
    public func walkLevelFindings(_ walk: Walk, windowStart: Int64? = nil, expectedTotal: Int? = nil) -> [Finding] {
        loopFindings(walk, expectedTotal: expectedTotal)
            + duplicateFindings(walk, window: GrowthWindow(spec: spec, windowStart: windowStart))
            + boundaryOrderFindings(walk) + hasMoreFindings(walk)
    }

    /// `CF-WALK-LOOP`.
    /// `walked` gives the pages and items of a walk that was not kept (the streaming walk).
    public func loopFindings(_ walk: Walk, expectedTotal: Int?, walked: (pages: Int, items: Int)? = nil) -> [Finding] {
        let evidence = walk.pages.suffix(2).map { Evidence($0.response) }
        let pages = walked?.pages ?? walk.pages.count
        let itemCount = walked?.items ?? walk.ids.count
        switch walk.end {
        case .repeatedCursor(let cursor):
            return [Finding(check: .walkLoop, detail: "repeated-cursor",
                            message: "the walk was handed a cursor it had already followed after \(pages) pages",
                            expected: "every next cursor leads forward until a last page", observed: "cursor \(Excerpt.clip(cursor)) repeated",
                            evidence: evidence)]
        case .pageLimit(let limit):
            if let expectedTotal {
                guard limit * walk.pageSize > loopFactor * expectedTotal + walk.pageSize else { return [] }
                return [Finding(check: .walkLoop, detail: "page-limit",
                                message: "the walk did not end within \(limit) pages of \(walk.pageSize) although about \(expectedTotal) items match",
                                expected: "a last page within \(expectedTotal / max(walk.pageSize, 1) + 1) pages",
                                observed: "\(pages) pages, \(itemCount) items, still more", evidence: evidence)]
            }
            return [Finding(check: .walkLoop, detail: "page-limit",
                            message: "the walk did not end within \(limit) pages (--max-walk-pages): every page said there was more",
                            expected: "a last page within \(limit) pages", observed: "\(pages) pages, \(itemCount) items, still more",
                            evidence: evidence)]
        case .completed, .failed, .sampled, .memoryBound:
            return []
        }
    }

    /// `CF-WALK-DUP`: the same id twice (ids of late items are tolerated).
    func duplicateFindings(_ walk: Walk, window: GrowthWindow) -> [Finding] {
        let parser = responses.parser
        var firstSeen: [String: Int] = [:]
        var duplicates: [(id: String, first: Int, second: Int)] = []
        for (pageIndex, walkPage) in walk.pages.enumerated() {
            for item in walkPage.page?.items ?? [] {
                guard let id = parser.id(of: item) else { continue }
                if let first = firstSeen[id] {
                    if !window.isLate(item) { duplicates.append((id, first, pageIndex)) }
                } else {
                    firstSeen[id] = pageIndex
                }
            }
        }
        guard let first = duplicates.first else { return [] }
        let examples = duplicates.prefix(3).map { "\($0.id) (pages \($0.first + 1) and \($0.second + 1))" }.joined(separator: ", ")
        let samePage = first.first == first.second
        return [Finding(check: .walkDup, detail: samePage ? "same-page" : "across-pages",
                        message: "the walk returned \(duplicates.count) id(s) more than once: \(examples)",
                        expected: "every item exactly once", observed: examples,
                        evidence: Array(Set([first.first, first.second])).sorted().map { Evidence(walk.pages[$0].response) })]
    }

    /// `CF-WALK-ORDER`: the first item of a page strictly after the last item before it.
    public func boundaryOrderFindings(_ walk: Walk) -> [Finding] {
        let order = ItemOrder(spec: spec, direction: walk.direction)
        var last: (item: JSONValue, page: Int)?
        var bad: [(before: JSONValue, after: JSONValue, pages: (Int, Int))] = []
        for (pageIndex, walkPage) in walk.pages.enumerated() {
            guard let items = walkPage.page?.items, let first = items.first else { continue }
            if let last {
                switch order.compare(last.item, first) {
                case .after, .same: bad.append((last.item, first, (last.page, pageIndex)))
                case .before, .unknown: break
                }
            }
            last = (items[items.count - 1], pageIndex)
        }
        guard let first = bad.first else { return [] }
        return [Finding(check: .walkOrder, detail: walk.direction.rawValue,
                        message: "page \(first.pages.1 + 1) starts at \(order.describe(first.after)), not after \(order.describe(first.before)) ending page \(first.pages.0 + 1)"
                            + (bad.count > 1 ? "; \(bad.count) such boundaries" : ""),
                        expected: "strictly after the previous page's last item in \(order.text)",
                        observed: "\(order.describe(first.before)) then \(order.describe(first.after))",
                        evidence: [Evidence(walk.pages[first.pages.0].response), Evidence(walk.pages[first.pages.1].response)])]
    }

    /// `CF-WALK-HASMORE`: a page promised more, and the next page was empty.
    public func hasMoreFindings(_ walk: Walk) -> [Finding] {
        for index in walk.pages.indices.dropLast() {
            guard walk.pages[index].page?.hasMore == true, let next = walk.pages[index + 1].page, next.items.isEmpty else { continue }
            let field = spec.pagination.hasMoreField
            return [Finding(check: .walkHasMore, detail: "empty-next-page",
                            message: "page \(index + 1) said \(field)=true but page \(index + 2) was empty",
                            expected: "at least one item after a page with \(field)=true", observed: "an empty page",
                            evidence: [Evidence(walk.pages[index].response), Evidence(walk.pages[index + 1].response)])]
        }
        return []
    }
}
