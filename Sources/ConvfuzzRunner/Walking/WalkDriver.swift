import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Runs several cursor walks side by side, one page of each per batch, so walks use the executor's concurrency.
///
/// A walk ends on a page that says there is nothing more (or gives no cursor), on a
/// cursor it was already handed (a loop), on a failed page, or at the page bound (`.pageLimit`,
/// or `.sampled` when the caller asked for a sample of `maxPages`). The walks of one call hold at
/// most `maxHeldBytes` of page bodies together: a walk that would take them over stops unjudged
/// (`.memoryBound`), so memory stays bounded whatever the target sends.
public struct WalkDriver: Sendable {
    private let executor: RequestExecutor
    private let parser: PageParser
    private let classifier: WireClassifier
    private let spec: Spec
    private let maxPages: Int
    private let maxHeldBytes: Int
    private var credential = RequestCredential.firstKey
    /// Set for walks kept slim: each page is checked as it arrives, then kept as ``WalkPage/slimmed(findings:fields:)``.
    private var slimming: (oracle: ResponseOracle, fields: [String])?

    /// Creates a driver.
    public init(executor: RequestExecutor, spec: Spec, maxPages: Int, maxHeldBytes: Int = 8 * 1024 * 1024) {
        self.maxHeldBytes = max(1, maxHeldBytes)
        self.executor = executor
        self.spec = spec
        parser = PageParser(spec: spec)
        classifier = WireClassifier(spec: spec)
        self.maxPages = max(1, maxPages)
    }

    /// The same driver sending every page with another credential.
    public func with(credential: RequestCredential) -> WalkDriver {
        var copy = self
        copy.credential = credential
        return copy
    }

    /// The same driver keeping slim pages: every page is checked as a response when it arrives, then
    /// only what walk checks and set comparisons read is kept (ids, time, order fields and an evidence
    /// excerpt of the body), so a walk's memory is a small fraction of its pages'. The walks of one call
    /// may then hold ``slimBoundFactor`` times `maxHeldBytes` of bodies received. Not for walks whose
    /// items are read again (the discovery walk: pools, probe values, the completeness base).
    public func slim() -> WalkDriver {
        var copy = self
        copy.slimming = (ResponseOracle(spec: spec), WalkPage.walkFields(spec))
        return copy
    }

    /// How many more bytes received a slim walk may hold than a full one.
    public static let slimBoundFactor = 4

    /// Walks every plan to its end (or its bound); `finished` hears how many walks have ended after each batch.
    public func run(_ plans: [WalkPlan], maxPages sample: Int? = nil, finished: ((Int) -> Void)? = nil) -> [Walk] {
        let maxPages = max(1, sample ?? self.maxPages)
        let maxHeldBytes = slimming == nil ? self.maxHeldBytes : self.maxHeldBytes * Self.slimBoundFactor
        var heldBytes = 0
        let cursorName = QueryCodec.encode(spec.pagination.cursorParam)
        var walks = plans.map { plan in
            Walk(spec: spec, baseQuery: plan.query, classification: classifier.classify(plan.pairs), pages: [], end: .completed)
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
            let responses = executor.execute(queries, credential: credential)
            var stillActive: [Int] = []
            for (position, index) in active.enumerated() {
                let response = responses[position]
                heldBytes += response.body.count
                if heldBytes > maxHeldBytes {
                    walks[index].end = .memoryBound(maxHeldBytes)
                    continue
                }
                guard let status = response.status, (200..<300).contains(status) else {
                    walks[index].pages.append(WalkPage(response: response, page: nil, cursorSent: next[index]))
                    walks[index].end = .failed(response.transportError ?? "HTTP \(response.status ?? 0)")
                    continue
                }
                guard case .success(let page) = parser.parse(response.body) else {
                    walks[index].pages.append(WalkPage(response: response, page: nil, cursorSent: next[index]))
                    walks[index].end = .failed("unparsable page")
                    continue
                }
                var walkPage = WalkPage(response: response, page: page, cursorSent: next[index])
                if let slimming {
                    let findings = slimming.oracle.check(classification: walks[index].classification, response: response,
                                                         parsed: page.json)
                    walkPage = walkPage.slimmed(findings: findings, fields: slimming.fields)
                }
                walks[index].pages.append(walkPage)
                guard page.hasMore == true, let cursor = page.nextCursor else {
                    walks[index].end = .completed
                    continue
                }
                if !seen[index].insert(cursor).inserted {
                    walks[index].end = .repeatedCursor(cursor)
                    continue
                }
                if walks[index].pages.count >= maxPages {
                    walks[index].end = sample == nil ? .pageLimit(maxPages) : .sampled(maxPages)
                    continue
                }
                next[index] = cursor
                stillActive.append(index)
            }
            active = stillActive
            finished?(plans.count - active.count)
        }
        executor.traffic.recordWalks(pages: walks.map(\.pages.count))
        return walks
    }
}
