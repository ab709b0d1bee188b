import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

/// What a streaming walk saw.
public struct StreamingWalkOutcome: Sendable {
    /// Pages fetched.
    public var pages: Int
    /// Items seen.
    public var items: Int
    /// Why it stopped.
    public var end: WalkEnd
    /// Unique findings (by signature), in the order found.
    public var findings: [Finding]
    /// Wall-clock seconds.
    public var seconds: Double
}

/// `convfuzz walk`: one query walked to its end page by page, every page and boundary checked as it
/// arrives (``StreamingWalkChecker``), no page kept.
public struct StreamingWalk: Sendable {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// Walks one query to its end page by page, checking every page and boundary, keeping no pages:
    /// memory stays flat however many items the target holds.
    public func run(pairs: [WirePair], maxPages: Int, onPage: ((Int, Int) -> Void)? = nil) -> StreamingWalkOutcome {
        let spec = context.spec
        let parser = context.parser
        let executor = context.executor
        let started = Clock.monotonic()
        let base = QueryCodec.queryString(pairs)
        var checker = StreamingWalkChecker(spec: spec, baseQuery: base, classification: context.classifier.classify(pairs))
        var findings: [Finding] = []
        var signatures = Set<String>()
        func keep(_ new: [Finding]) {
            for finding in new where signatures.insert(finding.signature).inserted { findings.append(finding) }
        }
        let cursorName = QueryCodec.encode(spec.pagination.cursorParam)
        var cursor: String?
        var cursors = CursorDigests()
        var end = WalkEnd.completed
        while true {
            var query = pairs
            if let cursor { query.append(WirePair(name: cursorName, value: QueryCodec.encode(cursor))) }
            let response = executor.execute(QueryCodec.queryString(query))
            let parsed: Page?
            if let status = response.status, (200..<300).contains(status), case .success(let page) = parser.parse(response.body) {
                parsed = page
            } else {
                parsed = nil
            }
            keep(checker.add(WalkPage(response: response, page: parsed, cursorSent: cursor)))
            onPage?(checker.pages, checker.items)
            guard let page = parsed else {
                end = .failed(response.transportError ?? "HTTP \(response.status ?? 0)")
                break
            }
            guard page.hasMore == true, let next = page.nextCursor else { break }
            if !cursors.insert(next).inserted {
                end = .repeatedCursor(next)
                break
            }
            if checker.pages >= maxPages {
                end = .pageLimit(maxPages)
                break
            }
            cursor = next
        }
        keep(checker.finish(end: end))
        return StreamingWalkOutcome(pages: checker.pages, items: checker.items, end: end, findings: findings,
                                    seconds: Clock.monotonic() - started)
    }
}
