import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

/// Runs several cursor walks side by side, one page of each per batch, so walks use the executor's concurrency.
public struct WalkDriver: Sendable {
    private let executor: RequestExecutor
    private let parser: PageParser
    private let pagination: PaginationSpec
    private let maxPages: Int

    /// Creates a driver.
    public init(executor: RequestExecutor, spec: Spec, maxPages: Int) {
        self.executor = executor
        parser = PageParser(spec: spec)
        pagination = spec.pagination
        self.maxPages = max(1, maxPages)
    }

    /// Walks every plan to its end (or its bound); `inspect` sees each page as it arrives.
    public func run(_ plans: [WalkPlan], maxPages: Int? = nil,
                    inspect: ((Int, WalkRecord.PageRecord) -> Void)? = nil) -> [WalkRecord] {
        let maxPages = max(1, maxPages ?? self.maxPages)
        var records = plans.map { WalkRecord(plan: $0, pages: [], ids: [], times: [], items: [], end: .completed) }
        var next: [String?] = Array(repeating: nil, count: plans.count)
        var seen: [Set<String>] = Array(repeating: [], count: plans.count)
        var active = Array(plans.indices)
        while !active.isEmpty {
            let queries = active.map { index -> String in
                var pairs = plans[index].pairs
                if let cursor = next[index] {
                    pairs.append(WirePair(name: QueryCodec.encode(pagination.cursorParam), value: QueryCodec.encode(cursor)))
                }
                return QueryCodec.queryString(pairs)
            }
            let responses = executor.execute(queries)
            var stillActive: [Int] = []
            for (position, index) in active.enumerated() {
                let response = responses[position]
                var pageRecord = WalkRecord.PageRecord(cursorSent: next[index], response: response, page: nil)
                guard let status = response.status, (200..<300).contains(status) else {
                    records[index].pages.append(pageRecord)
                    inspect?(index, pageRecord)
                    records[index].end = .failed(response.transportError ?? "HTTP \(response.status ?? 0)")
                    continue
                }
                guard case .success(let page) = parser.parse(response.body) else {
                    records[index].pages.append(pageRecord)
                    inspect?(index, pageRecord)
                    records[index].end = .failed("unparsable page")
                    continue
                }
                pageRecord.page = page
                inspect?(index, pageRecord)
                for item in page.items {
                    guard let id = parser.id(of: item) else { continue }
                    records[index].ids.append(id)
                    records[index].times.append(pagination.timeField.flatMap { item[$0]?.int64Value })
                }
                if plans[index].keepItems {
                    records[index].items.append(contentsOf: page.items)
                } else {
                    pageRecord.page = Page(items: [], ids: page.ids, hasMore: page.hasMore, nextCursor: page.nextCursor,
                                           nextCursorValue: nil, json: .null)
                    pageRecord.response.body = []
                }
                records[index].pages.append(pageRecord)
                guard page.hasMore == true, let cursor = page.nextCursor else {
                    records[index].end = .completed
                    continue
                }
                if !seen[index].insert(cursor).inserted {
                    records[index].end = .repeatedCursor(cursor)
                    continue
                }
                if records[index].pages.count >= maxPages {
                    records[index].end = .pageLimit(maxPages)
                    continue
                }
                next[index] = cursor
                stillActive.append(index)
            }
            active = stillActive
        }
        return records
    }
}
