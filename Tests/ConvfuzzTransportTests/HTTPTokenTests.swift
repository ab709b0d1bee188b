import ConvfuzzHTTPSyntax
import ConvfuzzTransport
import Testing

/// RFC 9110 tokens: the grammar both the transport and the spec's linter judge header names by.
@Suite struct HTTPTokenTests {
    @Test func tokenBytesAreExactlyRFC9110tchar() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPToken.isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
        #expect(HTTPToken.isToken("xi-api-key") && HTTPToken.isToken("GET"))
        #expect(!HTTPToken.isToken("") && !HTTPToken.isToken("xi api key") && !HTTPToken.isToken("x:y") && !HTTPToken.isToken("é"))
    }

    @Test func theTransportRefusesANonTokenMethodOrHeaderNameBeforeSending() {
        // Nothing listens on port 9: a refusal that came from the network would be a connection error.
        let client = HTTPBatchClient(configuration: TestSupport.configuration(total: 1))
        let header = client.send(HTTPRequest(url: "http://127.0.0.1:9/x", headers: [HTTPHeader(name: "xi api key", value: "v")]))
        guard case .other(_, let reason)? = TestSupport.failure(header) else {
            Issue.record("expected a refusal, got \(header)")
            return
        }
        #expect(reason.contains("header name is not an HTTP token"))
        let method = client.send(HTTPRequest(method: "GE T", url: "http://127.0.0.1:9/x"))
        guard case .other(_, let methodReason)? = TestSupport.failure(method) else {
            Issue.record("expected a refusal, got \(method)")
            return
        }
        #expect(methodReason.contains("method is not an HTTP token"))
    }
}
