import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzSpec
@testable import ConvfuzzOracle

/// Synthetic walks for the walk tests.
enum WalkFixtures {
    /// Items `(id, start)` in pages; each page but the last has `has_more` true and a cursor.
    static func walk(_ pages: [[(String, Int64)]], query: EffectiveQuery = EffectiveQuery(), end: WalkEnd = .completed,
                     pageSize: Int? = nil, lastHasMore: Bool = false) -> Walk {
        let classification = Classification(expectation: .success, query: query)
        var walkPages: [WalkPage] = []
        for (index, entries) in pages.enumerated() {
            let isLast = index == pages.count - 1
            let more = isLast ? lastHasMore : true
            let body = Fixtures.body(entries.map { Fixtures.item($0.0, start: $0.1) }, hasMore: more, cursor: more ? "cur\(index)" : nil)
            let response = Fixtures.response(body, query: "q&page=\(index)")
            let page = try? PageParser(spec: Fixtures.spec).parse(response.body).get()
            walkPages.append(WalkPage(response: response, page: page, cursorSent: index == 0 ? nil : "cur\(index - 1)"))
        }
        var walk = Walk(spec: Fixtures.spec, baseQuery: "q", classification: classification, pages: walkPages, end: end)
        if let pageSize { walk.pageSize = pageSize }
        return walk
    }

    /// `count` items with descending start times from `top`, ids `p0`, `p1` …
    static func items(_ count: Int, top: Int64 = 1000, prefix: String = "p") -> [(String, Int64)] {
        (0..<count).map { ("\(prefix)\($0)", top - Int64($0)) }
    }

    /// Splits entries into pages of `size`.
    static func paged(_ entries: [(String, Int64)], size: Int) -> [[(String, Int64)]] {
        stride(from: 0, to: entries.count, by: size).map { Array(entries[$0..<min($0 + size, entries.count)]) }
    }
}
