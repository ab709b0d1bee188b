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

    /// How the walk ended, as a sentence.
    public var endSentence: String {
        switch end {
        case .completed:
            return "The walk reached its end (the last page said no more items follow)."
        case .sampled(let pages):
            return "The walk was stopped after \(pages) pages as asked (--max-pages); the pages fetched were checked, its end was not."
        case .pageLimit(let pages):
            return "The walk had not ended after \(pages) pages (--max-walk-pages), so it counts as not ending."
        case .memoryBound(let bytes):
            return "The walk was stopped at its memory bound of \(bytes) bytes."
        case .repeatedCursor:
            return "The target handed out a cursor the walk had already followed, so the walk would never end."
        case .failed(let reason):
            return "The walk could not go on: a page failed (\(reason))."
        }
    }

    /// Why the walk could not be judged to its end when that was not the target's fault under the
    /// contract (a transport failure, or a failed page no check explains), or nil.
    public var untestable: String? {
        guard case .failed(let reason) = end, findings.isEmpty else { return nil }
        return "the walk could not go on after \(pages) page(s): \(reason)"
    }
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

    /// Why the spec says `pairs` cannot be walked (the target must reject the query), or nil when it can.
    public func invalidity(_ pairs: [WirePair]) -> String? {
        let classification = context.classifier.classify(pairs)
        guard case .invalid(let parameters) = classification.expectation else { return nil }
        let why = classification.problems.isEmpty ? "invalid \(parameters.joined(separator: ", "))" : classification.problems.joined(separator: "; ")
        return "the query \(QueryCodec.queryString(pairs)) is invalid under the spec (\(why)), so the target must reject it "
            + "with HTTP \(context.spec.errors.validationStatus) and there is nothing to walk; give valid --param values"
    }

    /// Walks one query to its end page by page, checking every page and boundary, keeping no pages:
    /// memory stays flat however many items the target holds. A walk that reaches `maxPages` has not
    /// ended (`CF-WALK-LOOP`); one stopped at `stopAfter` pages was cut on purpose and is not judged.
    public func run(pairs: [WirePair], maxPages: Int, stopAfter: Int? = nil,
                    onPage: ((Int, Int) -> Void)? = nil) -> StreamingWalkOutcome {
        let spec = context.spec
        let parser = context.parser
        let executor = context.executor
        let started = Clock.monotonic()
        let base = QueryCodec.queryString(pairs)
        var checker = StreamingWalkChecker(spec: spec, baseQuery: base, classification: context.classifier.classify(pairs))
        var findings: [Finding] = []
        var signatures = Set<String>()
        // Only findings of the selected checks are kept (`walk --checks`, `--exclude-checks`).
        let selection = context.selection
        func keep(_ new: [Finding]) {
            for finding in selection.filter(new) where signatures.insert(finding.signature).inserted { findings.append(finding) }
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
            if let stopAfter, checker.pages >= stopAfter, stopAfter < maxPages {
                end = .sampled(stopAfter)
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
