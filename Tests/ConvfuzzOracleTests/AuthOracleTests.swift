import ConvfuzzJSON
import ConvfuzzSpec
import Testing
@testable import ConvfuzzOracle

@Suite("Auth oracle")
struct AuthOracleTests {
    let oracle = AuthOracle(spec: Fixtures.spec)
    static let refused = AuthExpectation(outcome: .refused, kind: "wrong-suffix", description: "wrong key (last 4 characters changed)")
    static let accepted = AuthExpectation(outcome: .accepted, kind: "header-case", description: "the valid key under header XI-API-KEY")
    static let refusalBody = #"{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"#

    @Test func aRefusalWithTheDeclaredBodyIsClean() {
        for status in [401, 403] {
            let response = ObservedResponse(query: "", status: status, body: Self.refusalBody)
            #expect(oracle.check(response, expectation: Self.refused).isEmpty)
        }
    }

    @Test func aWrongKeyAcceptedIsABypassNamedByTheVariant() throws {
        let response = Fixtures.response(Fixtures.body([]), query: "")
        let findings = oracle.check(response, expectation: Self.refused)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.check == .authBypass)
        #expect(finding.signature == "CF-AUTH-BYPASS|-|wrong-suffix")
        #expect(finding.message.contains("wrong key (last 4 characters changed)"))
        let missing = AuthExpectation(outcome: .refused, kind: "missing", description: "no xi-api-key header")
        #expect(oracle.check(response, expectation: missing).map(\.signature) == ["CF-AUTH-BYPASS|-|missing"])
    }

    @Test(arguments: [500, 503, 400, 404, 422, 302])
    func anyOtherStatusIsAnAuthError(status: Int) throws {
        let response = ObservedResponse(query: "", status: status, body: #"{"detail":"Internal Server Error"}"#)
        let finding = try #require(oracle.check(response, expectation: Self.refused).first)
        #expect(finding.check == .authError)
        #expect(finding.signature == "CF-AUTH-ERROR|-|\(status / 100)xx")
        #expect(finding.message.contains("status \(status)"))
        #expect(finding.message.contains("server error") == (status >= 500))
    }

    @Test func noResponseIsAnAuthError() {
        let response = ObservedResponse(query: "", status: nil, transportError: "connection reset by peer")
        #expect(Fixtures.checks(oracle.check(response, expectation: Self.refused)) == [.authError])
    }

    @Test func aRefusalBodyOutsideTheSchemaIsAnAuthBodyFinding() throws {
        let plain = ObservedResponse(query: "", status: 401, body: "Unauthorized")
        #expect(oracle.check(plain, expectation: Self.refused).map(\.signature) == ["CF-AUTH-BODY|-|not-json"])
        let list = ObservedResponse(query: "", status: 401, body: #"{"detail":[{"msg":"no"}]}"#)
        let finding = try #require(oracle.check(list, expectation: Self.refused).first)
        #expect(finding.check == .authBody)
        #expect(finding.signature == "CF-AUTH-BODY|-|detail:type")
        let noMessage = ObservedResponse(query: "", status: 401, body: #"{"detail":{"status":"invalid_api_key"}}"#)
        #expect(oracle.check(noMessage, expectation: Self.refused).map(\.check) == [.authBody])
    }

    @Test func withoutARefusalSchemaOnlyTheStatusCounts() throws {
        var spec = Fixtures.spec
        spec.auth.refusalSchema = nil
        let plain = ObservedResponse(query: "", status: 401, body: "Unauthorized")
        #expect(AuthOracle(spec: spec).check(plain, expectation: Self.refused).isEmpty)
    }

    @Test func refusalStatusesComeFromTheSpec() {
        var spec = Fixtures.spec
        spec.auth.unauthorizedStatuses = [400]
        let response = ObservedResponse(query: "", status: 400, body: Self.refusalBody)
        #expect(AuthOracle(spec: spec).check(response, expectation: Self.refused).isEmpty)
        let unauthorized = ObservedResponse(query: "", status: 401, body: Self.refusalBody)
        #expect(Fixtures.checks(AuthOracle(spec: spec).check(unauthorized, expectation: Self.refused)) == [.authError])
    }

    @Test func theValidKeyUnderAnotherHeaderCaseMustBeAccepted() throws {
        #expect(oracle.check(Fixtures.response(Fixtures.body([])), expectation: Self.accepted).isEmpty)
        let refused = ObservedResponse(query: "", status: 401, body: Self.refusalBody)
        let finding = try #require(oracle.check(refused, expectation: Self.accepted).first)
        #expect(finding.check == .authHeaderCase)
        #expect(finding.message.contains("refused"))
        #expect(finding.signature == "CF-AUTH-HEADER-CASE|-|header-case")
        let crashed = ObservedResponse(query: "", status: 500, body: "")
        #expect(Fixtures.checks(oracle.check(crashed, expectation: Self.accepted)) == [.authHeaderCase])
    }
}
