import ConvfuzzTransport
import Testing

/// The URL reaches the server byte-exact, and bytes that cannot be sent raw are refused.
@Suite struct RawURLTests {
    static let exactTargets: [String] = [
        "/echo?a=b|c:d,e",
        "/echo?a=%zz",
        "/echo?a=%",
        "/echo?a=%00&b=%2",
        "/echo?a=1&a=2&a=&a",
        "/echo?a=\"<>{}^`\\[]",
        "/echo?a=%20+b%2B",
        "/echo?a=\u{E9}",
        "/echo?a=b?c=d",
        "/echo?",
        "/echo/../x/./y?q=/../z",
        "/echo%zz|path:,?a",
    ]

    @Test(arguments: exactTargets)
    func sendsTargetByteExact(_ target: String) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration())
        let result = client.send(HTTPRequest(url: server.url(target)))
        let expected = Array("GET \(target) HTTP/1.1".utf8)
        #expect(server.requestLines == [expected])
        if case let .success(response) = result, !target.hasSuffix("?") {
            #expect(response.effectiveURL == server.url(target))
        }
    }

    @Test func sendsHundredKilobyteValueAndRepeatedKeys() throws {
        let server = try TestServer()
        defer { server.stop() }
        let value = String(repeating: "v|%", count: 34_000)
        let target = "/echo?k=\(value)&k=\(value)&k=1"
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url(target)))
        let expected = "GET \(target) HTTP/1.1"
        #expect(server.requestLines == [Array(expected.utf8)])
        #expect(TestSupport.text(result) == expected)
        #expect(expected.utf8.count > 200_000)
    }

    static let refusedTargets: [String] = ["/echo?a=b c", "/echo?a=b\tc", "/echo?a=\r\nX: y", "/echo?a=\u{7F}", "/echo?a=b#frag", "/echo?a=\0b"]

    @Test(arguments: refusedTargets)
    func refusesBytesThatCannotBeSentRaw(_ target: String) throws {
        let server = try TestServer()
        defer { server.stop() }
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url(target)))
        guard case .invalidURL(let reason)? = TestSupport.failure(result) else {
            Issue.record("expected .invalidURL, got \(result)")
            return
        }
        #expect(reason.contains("offset"))
        #expect(server.acceptedConnections == 0)
    }

    @Test(arguments: ["ftp://127.0.0.1/x", "http://", "nonsense", "127.0.0.1/x"])
    func curlRejectionIsInvalidURL(_ url: String) {
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: url))
        guard case .invalidURL(let reason)? = TestSupport.failure(result) else {
            Issue.record("expected .invalidURL for \(url), got \(result)")
            return
        }
        #expect(!reason.isEmpty)
    }
}
