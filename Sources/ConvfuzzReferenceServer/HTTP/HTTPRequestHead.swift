/// The parts of a request head the server uses.
struct HTTPRequestHead: Sendable {
    /// The method token.
    var method: String
    /// The raw request target bytes.
    var target: [UInt8]
    /// Whether the connection stays open after the response.
    var keepAlive: Bool
    /// The `xi-api-key` header value.
    var apiKey: String?
    /// The `xi-api-key` header name exactly as sent (any letter case).
    var apiKeyHeaderName: String?
    /// The declared body length.
    var contentLength: Int
}
