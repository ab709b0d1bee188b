import ConvfuzzTransport
import Testing

/// Status, headers, body and timings are recorded as received; request headers are sent.
@Suite struct ResponseTests {
    @Test func recordsStatusAndHeadersCaseInsensitively() throws {
        let server = try TestServer()
        defer { server.stop() }
        let response = try HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url("/429"))).get()
        #expect(response.status == 429)
        #expect(response.header(named: "Retry-After") == "7")
        #expect(response.header(named: "RETRY-AFTER") == "7")
        #expect(response.headers(named: "X-Multi") == ["a", "b"])
        #expect(response.headers.map(\.name) == ["content-length", "retry-after", "x-multi", "x-multi"])
        #expect(response.body.isEmpty)
    }

    @Test func returnsNonJSONAndUnauthorizedBodiesVerbatim() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = HTTPBatchClient(configuration: TestSupport.configuration())
        let html = try client.send(HTTPRequest(url: server.url("/notjson"))).get()
        #expect(html.status == 200)
        #expect(html.body == Array("<html>not json".utf8))
        #expect(html.header(named: "content-type") == "text/html")
        let denied = try client.send(HTTPRequest(url: server.url("/401"))).get()
        #expect(denied.status == 401)
        #expect(denied.header(named: "www-authenticate") == "xi-api-key")
        #expect(String(decoding: denied.body, as: UTF8.self) == "{\"detail\":\"unauthorized\"}")
    }

    @Test func sendsRequestHeadersAndNoCompression() throws {
        let server = try TestServer()
        defer { server.stop() }
        let headers = [HTTPHeader(name: "xi-api-key", value: "sekrit-123", isSecret: true), HTTPHeader(name: "X-Empty", value: "")]
        let head = TestSupport.text(HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url("/head"), headers: headers))) ?? ""
        #expect(head.hasPrefix("GET /head HTTP/1.1\r\n"))
        #expect(head.contains("\r\nxi-api-key: sekrit-123\r\n"))
        #expect(head.contains("\r\nX-Empty:\r\n"))
        #expect(head.contains("\r\nUser-Agent: convfuzz/0.1\r\n"))
        #expect(!head.lowercased().contains("accept-encoding"))
    }

    @Test func customMethodIsSent() throws {
        let server = try TestServer()
        defer { server.stop() }
        let result = HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(method: "OPTIONS", url: server.url("/echo?m")))
        #expect(TestSupport.text(result) == "OPTIONS /echo?m HTTP/1.1")
    }

    @Test func measuresTimings() throws {
        let server = try TestServer()
        defer { server.stop() }
        let response = try HTTPBatchClient(configuration: TestSupport.configuration()).send(HTTPRequest(url: server.url("/slow?ms=150"))).get()
        let timings = response.timings
        #expect(timings.total >= 0.15)
        #expect(timings.startTransfer >= 0.15)
        #expect(timings.connect <= timings.startTransfer && timings.startTransfer <= timings.total)
    }

    @Test func reportsCurlVersion() {
        #expect(HTTPBatchClient.versionString().hasPrefix("libcurl/"))
    }
}
