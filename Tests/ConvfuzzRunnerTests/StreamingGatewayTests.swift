import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Testing
@testable import ConvfuzzRunner

/// The gateway's sliding window: one stalled answer holds only its own slot, and results still come
/// back in request order.
@Suite(.ownThreads) struct StreamingGatewayTests {
    @Test func aStalledAnswerDoesNotHoldTheOthers() throws {
        let transport = WindowedTransport(window: 4, stalls: "page_size=1&") // the first query below
        let context = PhaseFixtures.context(over: transport) { $0.concurrency = 4 }
        let queries = (1...41).map { "page_size=\($0)&x=1" }
        let started = Clock.monotonic()
        let responses = context.executor.execute(queries)
        let elapsed = Clock.monotonic() - started
        #expect(responses.map(\.query) == queries, "results in request order")
        #expect(responses.allSatisfy { $0.status == 200 && !$0.wasSkipped })
        // 40 answers of 10 ms over 3 free slots take about 0.15 s; the stalled one takes 1.5 s.
        let delivered = transport.deliveries
        #expect(delivered.last?.query.hasPrefix("page_size=1&") == true, "the stalled answer comes last")
        let others = delivered.dropLast().map(\.at).max() ?? 99
        #expect(others - started < 1.2, "the other 40 arrive while it stalls (\(others - started) s)")
        #expect(elapsed >= 1.45 && elapsed < 3)
    }

    @Test func aStreamRunsAheadOfTheChunkBeingCollected() throws {
        let transport = WindowedTransport(window: 4, stalls: "page_size=1&")
        let context = PhaseFixtures.context(over: transport) { $0.concurrency = 4 }
        let stream = context.executor.openStream()
        defer { stream.close() }
        let stalled = stream.submit(["page_size=1&x=1", "page_size=2&x=1"])
        let later = stream.submit((3...30).map { "page_size=\($0)&x=1" })
        // The later submission completes while the first one's stalled answer is still out.
        #expect(stream.ready(among: [stalled, later]) == [later])
        #expect(stream.collect(later).map(\.query) == (3...30).map { "page_size=\($0)&x=1" })
        #expect(stream.collect(stalled).map(\.query) == ["page_size=1&x=1", "page_size=2&x=1"])
    }

    @Test func theCasePhaseIsTheSameAtAnyConcurrency() throws {
        func run(_ concurrency: Int) throws -> (sent: [String], findings: [String]) {
            let (context, transport) = try PhaseFixtures.context(fault: .acceptPageSize101) { $0.concurrency = concurrency }
            let discovery = PhaseFixtures.discovery(context)
            let before = transport.sent.count
            let output = CasePhase(context: context).run(PhaseInput(discovery: discovery))
            return (Array(transport.sent.dropFirst(before)).sorted(), output.findings.ordered.map { "\($0.finding.signature) \($0.plan)" })
        }
        let one = try run(1)
        let eight = try run(8)
        #expect(one.sent == eight.sent)
        #expect(!one.findings.isEmpty)
        #expect(one.findings == eight.findings)
    }
}

/// A transport with a window of `window` requests in flight, each answered (an empty JSON object)
/// after 10 ms on its own thread, or after 1.5 s when its query starts with `stalls`.
private final class WindowedTransport: RequestTransport, @unchecked Sendable {
    struct Delivery { let query: String; let at: Double }
    private let window: Int
    private let stalls: String
    private let condition = NSCondition()
    private var done: [(Int, Result<HTTPResponse, TransportError>)] = []
    private var delivered: [Delivery] = []

    init(window: Int, stalls: String) {
        self.window = window
        self.stalls = stalls
    }

    var deliveries: [Delivery] { condition.withLock { delivered } }

    func send(_ requests: [HTTPRequest], timeout: Double?) -> [Result<HTTPResponse, TransportError>] {
        requests.map { ScriptedTransport.response(200, to: $0) }
    }

    func stream(next: () -> StreamPull, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) {
        var inFlight = 0
        var ended = false
        while !ended || inFlight > 0 {
            while !ended, inFlight < window {
                let pulled = next()
                guard case let .request(tag, request, _) = pulled else {
                    if case .end = pulled { ended = true }
                    break
                }
                inFlight += 1
                let query = String(request.url.split(separator: "?", maxSplits: 1).last ?? "")
                let delay = query.hasPrefix(stalls) ? 1.5 : 0.01
                DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
                    let result = ScriptedTransport.response(200, to: request)
                    condition.withLock {
                        done.append((tag, result))
                        delivered.append(Delivery(query: query, at: Clock.monotonic()))
                        condition.broadcast()
                    }
                }
            }
            let finished: [(Int, Result<HTTPResponse, TransportError>)] = condition.withLock {
                if done.isEmpty { _ = condition.wait(until: Date().addingTimeInterval(0.01)) }
                defer { done = [] }
                return done
            }
            for (tag, result) in finished {
                inFlight -= 1
                deliver(tag, result)
            }
        }
    }
}
