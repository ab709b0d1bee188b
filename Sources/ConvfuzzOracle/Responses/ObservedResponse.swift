/// What came back for one request, as the runner recorded it.
///
/// The oracle knows no transport: the runner turns the transport's result into this value
/// (status, headers, body, or a ``TransportFailure`` kind with a line of text).
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
    /// The kind of the transport error (`.other` when a text is given without a kind).
    public var transportFailure: TransportFailure?

    /// Creates an observed response.
    public init(query: String, status: Int?, headers: [String: String] = [:], body: [UInt8] = [],
                transportError: String? = nil, transportFailure: TransportFailure? = nil) {
        self.query = query
        self.status = status
        self.headers = headers
        self.body = body
        self.transportError = transportError
        self.transportFailure = transportFailure ?? transportError.map { _ in .other }
    }

    /// A response with a body given as text.
    public init(query: String, status: Int, body: String, headers: [String: String] = [:]) {
        self.init(query: query, status: status, headers: headers, body: Array(body.utf8))
    }

    /// A request that was never sent (`reason`: the deadline passed, or the run was stopped).
    public static func skipped(query: String, reason: String) -> ObservedResponse {
        ObservedResponse(query: query, status: nil, transportError: "not sent: \(reason)", transportFailure: .skipped)
    }

    /// True for a request that was never sent (see ``skipped(query:reason:)``).
    public var wasSkipped: Bool { transportFailure == .skipped }
}
