import ConvfuzzTestSupport
import ConvfuzzTransport
import Foundation
import Testing

/// Misbehaving servers map to precise transport errors, quickly.
@Suite(.ownThreads) struct FailureTests {
    @Test func hangingServerTimesOut() throws {
        let server = try TestServer()
        defer { server.stop() }
        let url = server.url("/hang")
        let started = Date()
        let result = HTTPBatchClient(configuration: TestSupport.configuration(total: 0.5)).send(HTTPRequest(url: url))
        let elapsed = Date().timeIntervalSince(started)
        guard case let .timedOut(reportedURL, after)? = TestSupport.failure(result) else {
            Issue.record("expected .timedOut, got \(result)")
            return
        }
        #expect(reportedURL == url)
        #expect(after >= 0.45 && after < 1.5)
        #expect(elapsed < 1.5)
    }

    @Test func announcedOversizedBodyIsRefused() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(maxBytes: 1 << 20))
        let result = client.send(HTTPRequest(url: server.url("/big?n=\(2 << 20)")))
        #expect(TestSupport.failure(result) == .responseTooLarge(limit: 1 << 20))
        let exact = client.send(HTTPRequest(url: server.url("/big?n=\(1 << 20)")))
        #expect((try? exact.get())?.body.count == 1 << 20)
    }

    @Test func streamedOversizedBodyAbortsTheTransfer() throws {
        let server = try TestServer()
        defer { server.stop() }
        let started = Date()
        let client = HTTPBatchClient(configuration: TestSupport.configuration(maxBytes: 1 << 20))
        let result = client.send(HTTPRequest(url: server.url("/stream?n=\(256 << 20)")))
        #expect(TestSupport.failure(result) == .responseTooLarge(limit: 1 << 20))
        #expect(Date().timeIntervalSince(started) < 2)
        // The client closed the connection: the server's writes fail long before 256 MiB.
        #expect(TestSupport.eventually(within: 3) { server.abortedStreams == 1 })
    }

    @Test func shortBodyIsTruncated() throws {
        let server = try TestServer()
        defer { server.stop() }
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url("/truncate")))
        guard case let .truncated(reason)? = TestSupport.failure(result) else {
            Issue.record("expected .truncated, got \(result)")
            return
        }
        #expect(reason.contains("90 bytes remaining"))
    }

    @Test func closeWithoutAnswerIsTruncated() throws {
        let server = try TestServer()
        defer { server.stop() }
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url("/nothing")))
        guard case let .truncated(reason)? = TestSupport.failure(result) else {
            Issue.record("expected .truncated, got \(result)")
            return
        }
        #expect(reason.contains("nothing"))
    }

    @Test func refusedConnectionIsCouldNotConnect() {
        let url = "http://127.0.0.1:\(TestSupport.unusedPort())/echo"
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: url))
        guard case let .couldNotConnect(reportedURL, reason)? = TestSupport.failure(result) else {
            Issue.record("expected .couldNotConnect, got \(result)")
            return
        }
        #expect(reportedURL == url)
        #expect(reason.contains("Couldn't connect to server"))
    }

    @Test func malformedHeaderIsRefusedBeforeSending() throws {
        let server = try TestServer()
        defer { server.stop() }
        let request = HTTPRequest(url: server.url("/echo"), headers: [HTTPHeader(name: "X-Bad", value: "a\r\nX-Injected: 1")])
        let error = TestSupport.failure(HTTPBatchClient(configuration: TestSupport.configuration()).send(request))
        guard case let .other(code, _)? = error else {
            Issue.record("expected .other, got \(String(describing: error))")
            return
        }
        #expect(code == 43)
        #expect(server.acceptedConnections == 0)
    }
}
