import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

extension ResponseOracle {
    /// `CF-STATUS-5XX`.
    func serverError(_ status: Int, _ classification: Classification, _ response: ObservedResponse) -> Finding {
        let parameter = parameterLabel(classification)
        return Finding(check: .status5xx, parameter: parameter, detail: "\(classification.expectation.word):\(status)",
                       message: "the target answered \(status) to a request the spec calls \(classification.expectation.word)",
                       expected: expectedStatusText(classification.expectation), observed: "\(status)",
                       evidence: [Evidence(response)])
    }

    /// `CF-STATUS-REJECTED` or `CF-STATUS-UNEXPECTED` for a valid request without the success status.
    func successMismatch(_ status: Int, _ response: ObservedResponse) -> Finding {
        if spec.auth.unauthorizedStatuses.contains(status) {
            return Finding(check: .statusRejected, detail: "auth:\(status)",
                           message: "the target refused the API key (\(status)); every request of the run is affected",
                           expected: "\(spec.response.status)", observed: "\(status)", evidence: [Evidence(response)])
        }
        if (400..<500).contains(status) {
            let blamed = blamedParameters(response).first
            return Finding(check: .statusRejected, parameter: blamed, detail: "\(status)",
                           message: "a request the spec calls valid was rejected with \(status)" + (blamed.map { " (blaming \($0))" } ?? ""),
                           expected: "\(spec.response.status)", observed: "\(status)", evidence: [Evidence(response)])
        }
        return Finding(check: .statusUnexpected, detail: "valid:\(status)",
                       message: "a request the spec calls valid got status \(status)",
                       expected: "\(spec.response.status)", observed: "\(status)", evidence: [Evidence(response)])
    }

    /// Status and error-body checks for a request the spec calls invalid.
    func checkInvalid(_ status: Int, parameters: [String], response: ObservedResponse) -> [Finding] {
        let label = parameters.isEmpty ? nil : parameters.sorted().joined(separator: ",")
        let cursorOnly = !parameters.isEmpty && parameters.allSatisfy { $0 == spec.pagination.cursorParam }
        let validation = spec.errors.validationStatus
        if cursorOnly && status != spec.pagination.invalidCursorStatus {
            return [Finding(check: .cursorInvalid, parameter: label, detail: "\(status)",
                            message: "a cursor the target never issued got \(status)",
                            expected: "\(spec.pagination.invalidCursorStatus)", observed: "\(status)",
                            evidence: [Evidence(response)])]
        }
        if !cursorOnly && (200..<300).contains(status) {
            return [Finding(check: .statusAccepted, parameter: label, detail: "\(status)",
                            message: "an invalid value of \(label ?? "the query") was accepted with \(status)",
                            expected: "\(validation)", observed: "\(status)", evidence: [Evidence(response)])]
        }
        if status == validation { return errorBodyFindings(parameters: parameters, label: label, response: response) }
        if cursorOnly { return [] }
        return [Finding(check: .statusUnexpected, parameter: label, detail: "invalid:\(status)",
                        message: "an invalid value of \(label ?? "the query") got \(status) instead of \(validation)",
                        expected: "\(validation)", observed: "\(status)", evidence: [Evidence(response)])]
    }

    /// The parameters a validation error body names in its locations (best effort).
    func blamedParameters(_ response: ObservedResponse) -> [String] {
        guard let locator, let json = try? JSONParser.parse(response.body) else { return [] }
        return locator.locs(in: json).compactMap { loc in
            loc.count >= 2 && loc[0].stringValue == spec.errors.locPrefix ? loc[1].stringValue : nil
        }
    }

    /// The parameters a case targets, for signatures.
    func parameterLabel(_ classification: Classification) -> String? {
        if case .invalid(let parameters) = classification.expectation, !parameters.isEmpty {
            return parameters.sorted().joined(separator: ",")
        }
        return nil
    }

    /// The statuses the spec allows for an expectation.
    func expectedStatusText(_ expectation: Expectation) -> String {
        expectation.isSuccess ? "\(spec.response.status)" : "\(spec.errors.validationStatus)"
    }
}
