import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Testing

/// The batch client keeps request order, bounds concurrency and never hangs.
@Suite(.ownThreads) struct BatchTests {
    @Test func resultsStayInRequestOrderUnderRandomDelays() throws {
        let server = try TestServer()
        defer { server.stop() }
        var generator = SystemRandomNumberGenerator()
        let targets = (0..<40).map { "/slow?ms=\(Int.random(in: 0...40, using: &generator))&i=\($0)" }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(concurrency: 4))
        let results = client.send(targets.enumerated().map { HTTPRequest(url: server.url($0.element), tag: $0.offset) })
        #expect(results.map(TestSupport.text) == targets.map { "GET \($0) HTTP/1.1" })
        #expect(server.acceptedConnections <= 4)
    }

    @Test func mixedFailuresDoNotHangTheBatch() throws {
        let server = try TestServer()
        defer { server.stop() }
        let paths = ["/echo?0", "/hang", "/echo?2", "/echo?a=b c", "/truncate", "/echo?5"]
        let started = Date()
        let client = HTTPBatchClient(configuration: TestSupport.configuration(total: 0.5, concurrency: 3))
        let results = client.send(paths.map { HTTPRequest(url: server.url($0)) })
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(TestSupport.text(results[0]) == "GET /echo?0 HTTP/1.1")
        if case .timedOut? = TestSupport.failure(results[1]) {} else { Issue.record("expected .timedOut, got \(results[1])") }
        #expect(TestSupport.text(results[2]) == "GET /echo?2 HTTP/1.1")
        if case .invalidURL? = TestSupport.failure(results[3]) {} else { Issue.record("expected .invalidURL, got \(results[3])") }
        if case .truncated? = TestSupport.failure(results[4]) {} else { Issue.record("expected .truncated, got \(results[4])") }
        #expect(TestSupport.text(results[5]) == "GET /echo?5 HTTP/1.1")
    }

    @Test func batchSendsBytesExactAndCapsBodies() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(maxBytes: 100, concurrency: 2))
        let results = client.send([HTTPRequest(url: server.url("/echo?a=%zz|b:,")), HTTPRequest(url: server.url("/big?n=101"))])
        #expect(TestSupport.text(results[0]) == "GET /echo?a=%zz|b:, HTTP/1.1")
        #expect(TestSupport.failure(results[1]) == .responseTooLarge(limit: 100))
        #expect(client.send([]).isEmpty)
        #expect(TestSupport.text(client.send(HTTPRequest(url: server.url("/echo?one")))) == "GET /echo?one HTTP/1.1")
    }
}
