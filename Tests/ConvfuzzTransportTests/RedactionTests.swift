import ConvfuzzTransport
import Testing

/// Secret header values never appear in any textual representation.
@Suite struct RedactionTests {
    @Test func secretValueIsNeverPrinted() {
        let secret = HTTPHeader(name: "xi-api-key", value: "sekrit-123", isSecret: true)
        let plain = HTTPHeader(name: "Accept", value: "application/json")
        let request = HTTPRequest(url: "http://127.0.0.1:1/v1?a=1", headers: [secret, plain], tag: 3)
        var dumped = ""
        dump(request, to: &dumped)
        var dumpedHeader = ""
        dump(secret, to: &dumpedHeader)
        let texts = [
            secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret),
            "\([secret])", request.description, "\(request)", String(reflecting: request), dumped, dumpedHeader,
        ]
        for text in texts {
            #expect(!text.contains("sekrit"))
        }
        #expect(secret.description == "xi-api-key: ***")
        #expect(request.description.contains("Accept: application/json"))
        #expect(plain.description == "Accept: application/json")
    }
}
