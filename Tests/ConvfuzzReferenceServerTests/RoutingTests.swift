import Testing
@testable import ConvfuzzReferenceServer

@Suite struct RoutingTests {
    @Test func authentication() {
        let app = TestSupport.application(size: 20, apiKey: "secret")
        let missing = TestSupport.request(app, "")
        #expect(missing.status == 401)
        #expect(missing.bodyText == "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}")
        #expect(TestSupport.request(app, "", headers: [("xi-api-key", "wrong")]).status == 401)
        #expect(TestSupport.request(app, "", headers: [("XI-API-KEY", "secret")]).status == 200)
        #expect(TestSupport.request(TestSupport.application(size: 20), "").status == 200)
    }

    @Test func pathsAndMethods() {
        let app = TestSupport.application(size: 20)
        let notFound = app.handle(method: "GET", target: "/v1/other", headers: [])
        #expect(notFound.status == 404)
        #expect(notFound.bodyText == "{\"detail\":\"Not Found\"}")
        #expect(TestSupport.request(app, "", method: "POST").status == 405)
        #expect(TestSupport.request(app, "", method: "DELETE").headers.contains { $0.name == "Allow" })
        let head = TestSupport.request(app, "page_size=2", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers.contains { $0 == ("Content-Length", String(head.body.count)) })
        #expect(app.requestCount == 4)
    }
}
