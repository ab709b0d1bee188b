import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Response oracle: statuses and error bodies")
struct ResponseOracleStatusTests {
    let oracle = ResponseOracle(spec: Fixtures.spec)
    let good = Fixtures.response(Fixtures.body([Fixtures.item("c1", start: 10)]))

    func invalid(_ params: [String]) -> Classification {
        Classification(expectation: .invalid(parameters: params), query: EffectiveQuery())
    }

    @Test func goodSuccessIsSilent() {
        #expect(oracle.check(classification: Fixtures.success(), response: good).isEmpty)
    }

    @Test func serverErrorsAreReportedForAnyExpectation() {
        let response = ObservedResponse(query: "rating_min=x", status: 500, body: "boom")
        let findings = oracle.check(classification: invalid(["rating_min"]), response: response)
        #expect(Fixtures.checks(findings) == [.status5xx])
        #expect(findings[0].signature == "CF-STATUS-5XX|rating_min|invalid:500")
        #expect(Fixtures.checks(oracle.check(classification: Fixtures.success(), response: ObservedResponse(query: "", status: 503, body: ""))) == [.status5xx])
    }

    @Test func rejectedValidRequestNamesTheBlamedParameter() {
        let response = ObservedResponse(query: "rating_min=3", status: 422, body: Fixtures.validationBody("rating_min"))
        let findings = oracle.check(classification: Fixtures.success(), response: response)
        #expect(Fixtures.checks(findings) == [.statusRejected])
        #expect(findings[0].parameter == "rating_min")
        let auth = oracle.check(classification: Fixtures.success(), response: ObservedResponse(query: "", status: 401, body: "{}"))
        #expect(auth.first?.signature == "CF-STATUS-REJECTED|-|auth:401")
    }

    @Test func acceptedInvalidRequest() {
        let findings = oracle.check(classification: invalid(["page_size"]), response: good)
        #expect(Fixtures.checks(findings) == [.statusAccepted])
        #expect(findings[0].signature == "CF-STATUS-ACCEPTED|page_size|200")
    }

    @Test func otherStatusesAreUnexpected() {
        let response = ObservedResponse(query: "", status: 400, body: Fixtures.validationBody("page_size"))
        #expect(Fixtures.checks(oracle.check(classification: invalid(["page_size"]), response: response)) == [.statusUnexpected])
        let redirect = ObservedResponse(query: "", status: 302, body: "")
        #expect(Fixtures.checks(oracle.check(classification: Fixtures.success(), response: redirect)) == [.statusUnexpected])
    }

    @Test func goodValidationErrorIsSilent() {
        let response = ObservedResponse(query: "", status: 422, body: Fixtures.validationBody("page_size"))
        #expect(oracle.check(classification: invalid(["page_size"]), response: response).isEmpty)
        let indexed = ObservedResponse(query: "", status: 422,
                                       body: #"{"detail":[{"loc":["query","tag_ids",1],"msg":"m","type":"t"}]}"#)
        #expect(oracle.check(classification: invalid(["exclude_statuses", "tag_ids"]), response: indexed).isEmpty)
    }

    @Test func errorShapeViolations() {
        let bodies = [
            #"{"detail":"nope"}"#,
            #"{"detail":[{"loc":["query","page_size"],"msg":"m"}]}"#,
            #"{"error":"x"}"#,
            #"{"detail":[]}"#,
        ]
        for body in bodies {
            let findings = oracle.check(classification: invalid(["page_size"]), response: ObservedResponse(query: "", status: 422, body: body))
            #expect(findings.contains { $0.check == .errorShape }, "\(body)")
        }
    }

    @Test func errorLocMustNameAnExpectedParameter() {
        let wrong = ObservedResponse(query: "", status: 422, body: Fixtures.validationBody("rating_max"))
        let findings = oracle.check(classification: invalid(["rating_min"]), response: wrong)
        #expect(Fixtures.checks(findings) == [.errorLoc])
        #expect(findings[0].expected.contains("rating_min"))
        #expect(findings[0].observed.contains("rating_max"))
        let bodyPrefix = ObservedResponse(query: "", status: 422, body: #"{"detail":[{"loc":["body","rating_min"],"msg":"m","type":"t"}]}"#)
        #expect(Fixtures.checks(oracle.check(classification: invalid(["rating_min"]), response: bodyPrefix)) == [.errorLoc])
    }

    @Test func invalidCursorChecks() {
        let accepted = oracle.check(classification: invalid(["cursor"]), response: good)
        #expect(Fixtures.checks(accepted) == [.cursorInvalid])
        let rejected = ObservedResponse(query: "cursor=zz", status: 422, body: Fixtures.validationBody("cursor"))
        #expect(oracle.check(classification: invalid(["cursor"]), response: rejected).isEmpty)
        let crashed = ObservedResponse(query: "cursor=zz", status: 500, body: "")
        #expect(Fixtures.checks(oracle.check(classification: invalid(["cursor"]), response: crashed)) == [.status5xx])
    }

    @Test func bodiesThatAreNotJSONNeverTrap() {
        let cases: [([UInt8], String)] = [
            (Array(#"{"conversations":[{"agent_id":"#.utf8), "truncated"),
            (Array("<html>".utf8), "not-json"),
            ([], "empty"),
            ([0xFF, 0x00, 0x7B], "not-json"),
        ]
        for (bytes, detail) in cases {
            let findings = oracle.check(classification: Fixtures.success(), response: ObservedResponse(query: "", status: 200, body: bytes))
            #expect(findings.map(\.signature) == ["CF-BODY-JSON|-|\(detail)"])
        }
    }

    @Test func transportErrors() {
        let truncated = ObservedResponse(query: "", status: nil, transportError: "response truncated: transfer closed",
                                         transportFailure: .truncated)
        #expect(oracle.check(classification: Fixtures.success(), response: truncated).map(\.signature) == ["CF-BODY-JSON|-|truncated"])
        let big = ObservedResponse(query: "", status: nil, transportError: "response body exceeded 10 bytes",
                                   transportFailure: .tooLarge)
        #expect(oracle.check(classification: Fixtures.success(), response: big).map(\.signature) == ["CF-BODY-JSON|-|too-large"])
        let timeout = ObservedResponse(query: "", status: nil, transportError: "timed out after 5.0 s: http://x",
                                       transportFailure: .timeout)
        let findings = oracle.check(classification: Fixtures.success(), response: timeout)
        #expect(findings.map(\.signature) == ["CF-TRANSPORT|-|timeout"])
        #expect(findings[0].evidence[0].excerpt.contains("timed out"))
    }
}
