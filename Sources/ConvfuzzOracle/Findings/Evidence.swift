/// One request and what came back, attached to a finding.
public struct Evidence: Sendable, Codable, Hashable {
    /// The exact encoded query string sent.
    public var query: String
    /// The status, when a response arrived.
    public var status: Int?
    /// Up to ``Excerpt/limit`` characters of the body around the problem, or the transport error.
    public var excerpt: String

    /// Creates evidence.
    public init(query: String, status: Int?, excerpt: String) {
        self.query = query
        self.status = status
        self.excerpt = excerpt
    }

    /// Evidence from a response, with the body excerpt around a byte offset (or the start).
    public init(_ response: ObservedResponse, around offset: Int? = nil) {
        self.init(query: response.query, status: response.status,
                  excerpt: response.transportError ?? Excerpt.of(response.body, around: offset))
    }

    /// Evidence from a response with a given excerpt (e.g. one item's JSON).
    public init(_ response: ObservedResponse, excerpt: String) {
        self.init(query: response.query, status: response.status, excerpt: Excerpt.clip(excerpt))
    }
}
