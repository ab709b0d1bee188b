import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec

/// Runs several cursor walks side by side, one page of each per batch, so walks use the executor's concurrency.
///
/// Every page goes through the execution gateway, which also counts the walks and pages.
///
/// A walk ends on a page that says there is nothing more (or gives no cursor), on a
/// cursor it was already handed (a loop), on a failed page, or at the page bound.
public struct WalkDriver: Sendable {
    private let executor: RequestExecutor
    private let parser: PageParser
    private let spec: Spec
    private let maxPages: Int

    /// Creates a driver.
    public init(executor: RequestExecutor, spec: Spec, maxPages: Int) {
        self.executor = executor
        self.spec = spec
        parser = PageParser(spec: spec)
        self.maxPages = max(1, maxPages)
    }

    /// Walks every plan to its end (or its bound).
    public func run(_ plans: [WalkPlan], maxPages: Int? = nil) -> [Walk] {
        let maxPages = max(1, maxPages ?? self.maxPages)
        let cursorName = QueryCodec.encode(spec.pagination.cursorParam)
        var walks = plans.map { plan in
            Walk(baseQuery: plan.query, classification: plan.classification, pageSize: plan.pageSize,
                 direction: plan.direction, pages: [], end: .completed)
        }
        var next: [String?] = Array(repeating: nil, count: plans.count)
        var seen: [Set<String>] = Array(repeating: [], count: plans.count)
        var active = Array(plans.indices)
        while !active.isEmpty {
            let queries = active.map { index -> String in
                var pairs = plans[index].pairs
                if let cursor = next[index] { pairs.append(WirePair(name: cursorName, value: QueryCodec.encode(cursor))) }
                return QueryCodec.queryString(pairs)
            }
            let responses = executor.execute(queries)
            // Pages are parsed on every core; the walks advance in order below.
            let parser = self.parser
            let parsed = ParallelWork.map(responses) { response -> Page? in
                guard let status = response.status, (200..<300).contains(status),
                      case .success(let page) = parser.parse(response.body) else { return nil }
                return page
            }
            var stillActive: [Int] = []
            for (position, index) in active.enumerated() {
                let response = responses[position]
                guard let status = response.status, (200..<300).contains(status) else {
                    walks[index].pages.append(WalkPage(response: response, page: nil, cursorSent: next[index]))
                    walks[index].end = .failed(response.transportError ?? "HTTP \(response.status ?? 0)")
                    continue
                }
                guard let page = parsed[position] else {
                    walks[index].pages.append(WalkPage(response: response, page: nil, cursorSent: next[index]))
                    walks[index].end = .failed("unparsable page")
                    continue
                }
                walks[index].pages.append(WalkPage(response: response, page: page, cursorSent: next[index]))
                guard page.hasMore == true, let cursor = page.nextCursor else {
                    walks[index].end = .completed
                    continue
                }
                if !seen[index].insert(cursor).inserted {
                    walks[index].end = .repeatedCursor(cursor)
                    continue
                }
                if walks[index].pages.count >= maxPages {
                    walks[index].end = .pageLimit(maxPages)
                    continue
                }
                next[index] = cursor
                stillActive.append(index)
            }
            active = stillActive
        }
        executor.noteWalks(walks.count, pages: walks.reduce(0) { $0 + $1.pages.count })
        return walks
    }
}
