import ConvfuzzTransport

/// What came back for one request, as the runner recorded it.
public struct ObservedResponse: Sendable, Codable, Hashable {
    /// The exact encoded query string sent.
    public var query: String
    /// The status, when a response arrived.
    public var status: Int?
    /// Response headers, names lowercased.
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]
    /// The transport error text, when no complete response arrived.
    public var transportError: String?
    /// The kind of the transport error; inferred from ``transportError`` when not given.
    public var transportFailure: TransportFailure?

    /// Creates an observed response.
    public init(query: String, status: Int?, headers: [String: String] = [:], body: [UInt8] = [],
                transportError: String? = nil, transportFailure: TransportFailure? = nil) {
        self.query = query
        self.status = status
        self.headers = headers
        self.body = body
        self.transportError = transportError
        self.transportFailure = transportFailure ?? transportError.map(Self.inferFailure)
    }

    /// A response with a body given as text.
    public init(query: String, status: Int, body: String, headers: [String: String] = [:]) {
        self.init(query: query, status: status, headers: headers, body: Array(body.utf8))
    }

    /// Records the transport's result for a request.
    public init(query: String, result: Result<HTTPResponse, TransportError>) {
        switch result {
        case .success(let response):
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            self.init(query: query, status: response.status, headers: headers, body: response.body)
        case .failure(let error):
            self.init(query: query, status: nil, transportError: error.description, transportFailure: TransportFailure(error))
        }
    }

    /// A request that was never sent (`reason`: the deadline passed, or the run was stopped).
    public static func skipped(query: String, reason: String) -> ObservedResponse {
        ObservedResponse(query: query, status: nil, transportError: "not sent: \(reason)", transportFailure: .skipped)
    }

    /// True for a request that was never sent (see ``skipped(query:reason:)``).
    public var wasSkipped: Bool { transportFailure == .skipped }

    /// The failure kind from the text of a `TransportError` description.
    static func inferFailure(_ text: String) -> TransportFailure {
        if text.hasPrefix("response truncated") { return .truncated }
        if text.hasPrefix("response body exceeded") { return .tooLarge }
        if text.hasPrefix("timed out") { return .timeout }
        if text.hasPrefix("stalled") { return .stall }
        if text.hasPrefix("not sent") { return .skipped }
        if text.hasPrefix("could not connect") { return .connect }
        return .other
    }
}
