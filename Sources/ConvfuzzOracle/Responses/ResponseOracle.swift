import ConvfuzzContract
import ConvfuzzJSON
import ConvfuzzSpec

/// Checks one response against the expectation of its case, using only the spec.
///
/// Transport errors: a truncated body or one over the size cap is a body problem
/// and is reported as `CF-BODY-JSON`; every other transport failure (connect,
/// timeout, anything else) as `CF-TRANSPORT`. The runner passes a transport error
/// here only once its retries are exhausted.
public struct ResponseOracle: Sendable {
    /// The spec.
    public let spec: Spec
    /// Reads success bodies.
    public let parser: PageParser
    /// Validates bodies.
    public let validator: SchemaValidator
    /// Evaluates filters on items.
    public let evaluator: FilterEvaluator
    /// Reads page size and direction from queries.
    public let reading: QueryReading
    /// Where validation errors keep their problems and `loc`s (derived from the error schema).
    public let locator: ErrorLocator?

    /// Creates an oracle for a spec.
    public init(spec: Spec) {
        self.spec = spec
        self.parser = PageParser(spec: spec)
        self.validator = SchemaValidator(spec: spec)
        self.evaluator = FilterEvaluator(spec: spec)
        self.reading = QueryReading(spec: spec)
        self.locator = ErrorLocator(response: spec.response)
    }

    /// Every finding for one response to a case with this classification.
    /// `parsed` is the body when the caller has already parsed it (a walk's page): it is not parsed again.
    public func check(classification: Classification, response: ObservedResponse, parsed: JSONValue? = nil) -> [Finding] {
        let findings = statusAndBodyFindings(classification: classification, response: response, parsed: parsed)
        guard let mediaType = mediaTypeFinding(response) else { return findings }
        return findings + [mediaType]
    }

    private func statusAndBodyFindings(classification: Classification, response: ObservedResponse,
                                       parsed: JSONValue?) -> [Finding] {
        if let transport = transportFinding(response) { return [transport] }
        guard let status = response.status else { return [] }
        if status >= spec.errors.serverErrorFloor { return [serverError(status, classification, response)] }
        if spec.allowsSizeRefusal(status: status, requestBytes: spec.requestBytes(query: response.query)) { return [] }
        switch classification.expectation {
        case .success, .empty:
            if status == spec.response.status {
                return checkSuccessBody(classification: classification, response: response, parsed: parsed).findings
            }
            return [successMismatch(status, response)]
        case .invalid(let parameters):
            return checkInvalid(status, parameters: parameters, response: response)
        }
    }

    /// Checks a success body and also returns the parsed page (for walks).
    public func checkSuccessBody(classification: Classification, response: ObservedResponse,
                                 parsed: JSONValue? = nil) -> (page: Page?, findings: [Finding]) {
        if parsed == nil, parser.lazyOverMaximum(response.body) != nil {
            return (nil, [overMaximumFinding(classification, response)])
        }
        let json: JSONValue
        if let parsed {
            json = parsed
        } else {
            do {
                json = try JSONParser.parse(response.body)
            } catch {
                return (nil, [PageParser.bodyFinding(error, response: response)])
            }
        }
        if parser.overMaximum(parsed: json) != nil { return (nil, [overMaximumFinding(classification, response)]) }
        var findings = schemaFindings(validator.validateSuccess(json), json: json, response: response, check: .schema)
        guard case .success(let page) = parser.page(from: json) else {
            if findings.isEmpty {
                findings.append(Finding(check: .schema, detail: "\(spec.pagination.itemsField):missing",
                                        message: "the body has no \(spec.pagination.itemsField) array",
                                        expected: "an object with an array \(spec.pagination.itemsField)",
                                        observed: json.typeName, evidence: [Evidence(response)]))
            }
            return (nil, findings)
        }
        findings += pageFindings(page, classification: classification, response: response)
        return (page, findings)
    }

    /// `CF-PAGE-SIZE`: more items than the spec's largest page size (counted without parsing the items
    /// when the body is large).
    private func overMaximumFinding(_ classification: Classification, _ response: ObservedResponse) -> Finding {
        let maximum = spec.pagination.maxPageSize
        return Finding(check: .pageSize, parameter: spec.pagination.pageSizeParam, detail: "over-maximum",
                       message: "the page holds more than \(maximum) items, the spec's largest page size (counted without parsing the items)",
                       expected: "at most \(min(maximum, reading.pageSize(classification.query))) items",
                       observed: "more than \(maximum) items", evidence: [Evidence(response)])
    }

    /// The `CF-TRANSPORT` or `CF-BODY-JSON` finding for a transport error.
    func transportFinding(_ response: ObservedResponse) -> Finding? {
        guard let error = response.transportError else { return nil }
        let kind = response.transportFailure ?? .other
        if kind == .skipped { return nil }
        if kind.isBodyFailure {
            let detail = kind == .truncated ? "truncated" : "too-large"
            return Finding(check: .bodyJSON, detail: detail,
                           message: kind == .truncated ? "the connection closed before the body was complete" : "the body exceeded the response size cap",
                           expected: "a complete response body", observed: error, evidence: [Evidence(response)])
        }
        return Finding(check: .transport, detail: kind.rawValue, message: "no response: \(error)",
                       expected: "a response", observed: error, evidence: [Evidence(response)])
    }
}
