import ConvfuzzTransport
import Testing

/// Connections are reused across calls and across batches.
@Suite struct KeepAliveTests {
    @Test func sequentialRequestsShareOneConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration())
        for index in 0..<20 {
            let result = client.send(HTTPRequest(url: server.url("/echo?i=\(index)")))
            #expect(TestSupport.text(result) == "GET /echo?i=\(index) HTTP/1.1", "\(result)")
        }
        #expect(server.acceptedConnections == 1)
        #expect(server.requestLines.count == 20)
    }

    @Test func errorStatusesKeepTheConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration())
        let statuses = ["/401", "/429", "/notjson", "/missing"].map { path -> Int in
            guard case let .success(response) = client.send(HTTPRequest(url: server.url(path))) else { return -1 }
            return response.status
        }
        #expect(statuses == [401, 429, 200, 404])
        #expect(server.acceptedConnections == 1)
    }

    @Test func batchOfFortyUsesAtMostFourConnections() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(concurrency: 4))
        let first = client.send((0..<40).map { HTTPRequest(url: server.url("/echo?i=\($0)")) })
        #expect(first.allSatisfy { TestSupport.text($0) != nil })
        #expect(server.acceptedConnections <= 4)
        let afterFirst = server.acceptedConnections
        let second = client.send((0..<12).map { HTTPRequest(url: server.url("/echo?j=\($0)")) })
        #expect(second.allSatisfy { TestSupport.text($0) != nil })
        #expect(server.acceptedConnections == afterFirst)
    }

    @Test func failedTransferDoesNotPoisonTheClient() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration(maxBytes: 1000))
        #expect(TestSupport.failure(client.send(HTTPRequest(url: server.url("/big?n=5000")))) == .responseTooLarge(limit: 1000))
        #expect(TestSupport.text(client.send(HTTPRequest(url: server.url("/echo?after")))) == "GET /echo?after HTTP/1.1")
    }
}
