import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// Runs several cursor walks side by side through the gateway's stream, each walk advancing on its
/// own (its next page is sent as soon as its page arrives), so walks use the executor's concurrency
/// and a stalled page holds only its own walk.
///
/// A walk ends on a page that says there is nothing more (or gives no cursor), on a
/// cursor it was already handed (a loop), on a failed page, or at the page bound (`.pageLimit`,
/// or `.sampled` when the caller asked for a sample of `maxPages` or the plan is a prefix of
/// ``WalkPlan/pages`` pages). The walks of one call hold at
/// most `maxHeldBytes` of page bodies together: a walk that would take them over stops unjudged
/// (`.memoryBound`), so memory stays bounded whatever the target sends (pages are counted as they
/// arrive, so which walk meets that bound first may depend on timing).
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

    /// Walks every plan to its end (or its bound, or its own page bound: a prefix); `finished` hears how many walks have ended after each batch.
    /// `estimates` (pages per walk, in plan order) decide how a request budget is shared out (``stream(_:maxPages:estimates:window:releasing:shouldStop:finished:deliver:)``).
    public func run(_ plans: [WalkPlan], maxPages sample: Int? = nil, estimates: [Int]? = nil,
                    finished: ((Int) -> Void)? = nil) -> [Walk] {
        var walks: [Walk] = []
        walks.reserveCapacity(plans.count)
        stream(plans, maxPages: sample, estimates: estimates, releasing: false, finished: finished) { walks.append($1) }
        return walks
    }

    /// Walks every plan to its end (or its bound, or its own page bound: a prefix) and hands each walk to `deliver` in plan order, as soon as
    /// it and every walk before it have ended, so a phase judges walks while later ones go on.
    ///
    /// - At most `window` walks are under way at once (nil: every walk starts at once); a walk's next page
    ///   is queued as soon as its page arrives, so a stalled page holds only its own walk's slot.
    /// - With `releasing`, a delivered walk's bytes no longer count toward the memory bound (the caller
    ///   keeps only what it needs of it).
    /// - Under a request budget, the pages the phase has left are granted to walks in plan order, never in
    ///   the order answers arrive: each walk is given its estimate (`estimates`, pages; one page, then
    ///   doubling, without), walks run until they end or use their grant, and only then is what ended
    ///   walks left given to the next walks and to those still unfinished, in plan order. So which pages a
    ///   tight budget refuses does not depend on timing. A walk the budget cuts ends `.sampled` (unjudged).
    /// - `shouldStop` is asked before a walk starts: once it says stop, no further walk starts, and the
    ///   walks not started are handed over empty (`.sampled(0)`), as those the budget left out.
    public func stream(_ plans: [WalkPlan], maxPages sample: Int? = nil, estimates: [Int]? = nil, window: Int? = nil,
                       releasing: Bool = true, shouldStop: (() -> Bool)? = nil, finished: ((Int) -> Void)? = nil,
                       deliver: (Int, Walk) -> Void) {
        let maxPages = max(1, sample ?? self.maxPages)
        let maxHeldBytes = slimming == nil ? self.maxHeldBytes : self.maxHeldBytes * Self.slimBoundFactor
        let window = max(1, window ?? max(1, plans.count))
        var heldBytes = 0
        let cursorName = QueryCodec.encode(spec.pagination.cursorParam)
        var walks = plans.map { plan in
            Walk(spec: spec, baseQuery: plan.query, classification: classifier.classify(plan.pairs), pages: [], end: .completed)
        }
        var next: [String?] = Array(repeating: nil, count: plans.count)
        var seen: [Set<String>] = Array(repeating: [], count: plans.count)
        var bytes = Array(repeating: 0, count: plans.count)
        var ended = Array(repeating: false, count: plans.count)
        var share = WalkGrants(count: plans.count, pool: executor.budget.phaseRemaining, estimates: estimates)
        var delivered = 0
        var endedCount = 0
        var pageCounts = Array(repeating: 0, count: plans.count)
        let stream = executor.openStream(credential: credential)
        defer { stream.close() }
        func submit(_ index: Int) -> RequestStream.Ticket {
            var pairs = plans[index].pairs
            if let cursor = next[index] { pairs.append(WirePair(name: cursorName, value: QueryCodec.encode(cursor))) }
            share.use(index)
            return stream.submit([QueryCodec.queryString(pairs)])
        }
        /// Hands over every ended walk whose predecessors were handed over.
        func handOver() {
            while delivered < plans.count, ended[delivered] {
                if releasing { heldBytes -= bytes[delivered] }
                pageCounts[delivered] = walks[delivered].pages.count
                deliver(delivered, walks[delivered])
                walks[delivered].pages = []
                delivered += 1
            }
        }
        func end(_ index: Int) {
            ended[index] = true
            endedCount += 1
            share.finish(index)
            handOver()
        }
        // Passes: every walk that may send runs until it ends or uses its grant; between passes what is
        // left is granted again in plan order (one pass without a budget).
        while shouldStop?() != true {
            share.allot(unfinished: plans.indices.filter { !ended[$0] })
            let runnable = plans.indices.filter { !ended[$0] && share.mayUse($0) }
            if runnable.isEmpty { break }
            var queue = runnable[...]
            var active: [RequestStream.Ticket: Int] = [:]
            func startMore() {
                while active.count < window, !queue.isEmpty {
                    // A walk under way goes on; a walk not started yet starts only while the caller goes on.
                    if share.used[queue[queue.startIndex]] == 0, shouldStop?() == true { return }
                    let index = queue.removeFirst()
                    active[submit(index)] = index
                }
            }
            startMore()
            while !active.isEmpty {
                for ticket in stream.ready(among: active.keys.sorted { $0.lowerBound < $1.lowerBound }) {
                    guard let index = active.removeValue(forKey: ticket) else { continue }
                    let response = stream.collect(ticket)[0]
                    if !advance(index, response) {
                        end(index)
                    } else if share.mayUse(index) {
                        active[submit(index)] = index
                    }
                }
                startMore()
                finished?(endedCount)
            }
        }
        // What the budget left unfinished ends here, cut on purpose (never judged as a loop).
        for index in plans.indices where !ended[index] {
            walks[index].end = .sampled(walks[index].pages.count)
            end(index)
        }
        finished?(endedCount)
        /// Takes one page of walk `index`; true when the walk goes on.
        func advance(_ index: Int, _ response: ObservedResponse) -> Bool {
            heldBytes += response.body.count
            bytes[index] += response.body.count
            if heldBytes > maxHeldBytes {
                walks[index].end = .memoryBound(maxHeldBytes)
                return false
            }
            guard let status = response.status, (200..<300).contains(status) else {
                walks[index].pages.append(WalkPage(response: response, page: nil, cursorSent: next[index]))
                walks[index].end = .failed(response.transportError ?? "HTTP \(response.status ?? 0)")
                return false
            }
            guard case .success(let page) = parser.parse(response.body) else {
                walks[index].pages.append(WalkPage(response: response, page: nil, cursorSent: next[index]))
                walks[index].end = .failed("unparsable page")
                return false
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
                return false
            }
            if !seen[index].insert(cursor).inserted {
                walks[index].end = .repeatedCursor(cursor)
                return false
            }
            if let prefix = plans[index].pages, walks[index].pages.count >= prefix {
                walks[index].end = .sampled(prefix)
                return false
            }
            if walks[index].pages.count >= maxPages {
                walks[index].end = sample == nil ? .pageLimit(maxPages) : .sampled(maxPages)
                return false
            }
            next[index] = cursor
            return true
        }
        executor.traffic.recordWalks(pages: pageCounts)
    }
}
