import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzTransport

/// The sliding window: a stalled transfer holds only its own slot.
@Suite(.ownThreads) struct StreamTests {
    @Test func aStalledTransferHoldsOnlyItsSlot() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(total: 2, concurrency: 4))
        let urls = [server.url("/hang")] + (1...40).map { server.url("/slow?ms=20&i=\($0)") }
        var next = 0
        var order: [Int] = []
        var results: [Int: Result<HTTPResponse, TransportError>] = [:]
        var fastDoneAt: Double?
        let started = Date()
        client.stream(next: {
            guard next < urls.count else { return .end }
            next += 1
            return .request(tag: next - 1, HTTPRequest(url: urls[next - 1]), timeout: nil)
        }, deliver: { tag, result in
            order.append(tag)
            results[tag] = result
            if tag != 0, results.count == urls.count - 1, results[0] == nil { fastDoneAt = Date().timeIntervalSince(started) }
        })
        let elapsed = Date().timeIntervalSince(started)
        // 40 requests of 20 ms over the 3 free slots take about 0.3 s; the stalled one is cut at 2 s.
        #expect(order.last == 0, "the stalled transfer ends last")
        #expect((fastDoneAt ?? 99) < 1.5, "the other 40 complete while it stalls")
        #expect(elapsed >= 1.9 && elapsed < 3.5)
        for tag in 1..<urls.count { #expect(TestSupport.text(results[tag]!)?.contains("i=\(tag)") == true) }
        guard case .timedOut? = TestSupport.failure(results[0]!) else {
            Issue.record("expected the stalled transfer to time out, got \(String(describing: results[0]))")
            return
        }
    }

    @Test func aStreamTakesRequestsAddedWhileItRuns() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(concurrency: 2))
        var queued = [server.url("/slow?ms=50&i=0")]
        var next = 0
        var delivered: [Int] = []
        client.stream(next: {
            if next < queued.count {
                next += 1
                return .request(tag: next - 1, HTTPRequest(url: queued[next - 1]), timeout: nil)
            }
            return delivered.count == 3 ? .end : .wait(0.01)
        }, deliver: { tag, result in
            #expect(TestSupport.text(result)?.contains("i=\(tag)") == true)
            delivered.append(tag)
            if queued.count < 3 { queued.append(server.url("/echo?i=\(queued.count)")) }
        })
        #expect(delivered == [0, 1, 2])
    }
}
