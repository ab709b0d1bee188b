import ConvfuzzJSON
import ConvfuzzSpec

/// Judges the answers to requests sent with a missing, empty, wrong or differently spelled credential.
///
/// Derived from the spec's `auth` section only: `unauthorized_statuses` are the
/// refusals, `refusal_schema` (when declared) the refusal body, the response
/// `status` the acceptance. Pure: no I/O.
public struct AuthOracle: Sendable {
    private let spec: Spec
    private let validator: SchemaValidator

    /// Creates an oracle for a spec.
    public init(spec: Spec) {
        self.spec = spec
        validator = SchemaValidator(spec: spec)
    }

    /// The findings for one response to a probe.
    public func check(_ response: ObservedResponse, expectation: AuthExpectation) -> [Finding] {
        switch expectation.outcome {
        case .refused: return checkRefusal(response, expectation: expectation)
        case .accepted: return checkAcceptance(response, expectation: expectation)
        }
    }

    // MARK: Refusals

    private func checkRefusal(_ response: ObservedResponse, expectation: AuthExpectation) -> [Finding] {
        let refusals = spec.auth.unauthorizedStatuses
        let expected = "one of \(statusList(refusals))" + (spec.auth.refusalSchema == nil ? "" : " with a body per auth.refusal_schema")
        guard let status = response.status else {
            return [Finding(check: .authError, detail: "no-response",
                            message: "\(expectation.description): no response (\(response.transportError ?? "transport failure"))",
                            expected: expected, observed: response.transportError ?? "no response", evidence: [Evidence(response)])]
        }
        if (200..<300).contains(status) {
            return [Finding(check: .authBypass, detail: expectation.kind,
                            message: "\(expectation.description) was accepted with status \(status)",
                            expected: expected, observed: "status \(status)", evidence: [Evidence(response)])]
        }
        guard refusals.contains(status) else {
            let isServerError = status >= spec.errors.serverErrorFloor
            return [Finding(check: .authError, detail: "\(status / 100)xx",
                            message: "\(expectation.description) got status \(status)\(isServerError ? " (a server error)" : ""), not a refusal",
                            expected: expected, observed: "status \(status)", evidence: [Evidence(response)])]
        }
        guard let schema = spec.auth.refusalSchema else { return [] }
        let json: JSONValue
        do {
            json = try JSONParser.parse(response.body)
        } catch {
            return [Finding(check: .authBody, detail: "not-json",
                            message: "the refusal of \(expectation.description) is not JSON",
                            expected: "a JSON body per auth.refusal_schema", observed: "\(error)", evidence: [Evidence(response)])]
        }
        let violations = validator.validate(json, against: schema)
        guard let first = violations.first else { return [] }
        let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
        return [Finding(check: .authBody, detail: first.signatureDetail,
                        message: "the refusal of \(expectation.description) breaks auth.refusal_schema: \(first.line)\(more)",
                        expected: "a body per auth.refusal_schema", observed: first.line, evidence: [Evidence(response)])]
    }

    // MARK: Acceptance

    private func checkAcceptance(_ response: ObservedResponse, expectation: AuthExpectation) -> [Finding] {
        let success = spec.response.status
        if response.status == success { return [] }
        let observed = response.status.map { "status \($0)" } ?? (response.transportError ?? "no response")
        let refused = response.status.map { spec.auth.unauthorizedStatuses.contains($0) } ?? false
        return [Finding(check: .authHeaderCase, detail: expectation.kind,
                        message: "\(expectation.description) was \(refused ? "refused" : "not accepted") (\(observed))",
                        expected: "status \(success), as with the header name as the spec spells it",
                        observed: observed, evidence: [Evidence(response)])]
    }

    private func statusList(_ statuses: [Int]) -> String {
        statuses.map(String.init).joined(separator: ", ")
    }
}
