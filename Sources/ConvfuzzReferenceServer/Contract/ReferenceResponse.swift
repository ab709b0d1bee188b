/// A response of the reference application.
public struct ReferenceResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type` header value; empty sends no `Content-Type` header.
    public var contentType: String
    /// The body. For `HEAD` it is still returned (its length is the `Content-Length`); the
    /// HTTP layer sends only the head.
    public var body: [UInt8]
    /// Extra headers (e.g. `Allow`).
    public var extraHeaders: [(name: String, value: String)]
    /// How the HTTP layer must deliver the response.
    public var directive: TransportDirective

    /// Creates a JSON response.
    public init(status: Int, body: [UInt8], contentType: String = "application/json",
                extraHeaders: [(name: String, value: String)] = [], directive: TransportDirective = .normal) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.extraHeaders = extraHeaders
        self.directive = directive
    }

    /// All headers as sent: `Content-Type`, `Content-Length`, then the extra ones.
    public var headers: [(name: String, value: String)] {
        (contentType.isEmpty ? [] : [("Content-Type", contentType)]) + [("Content-Length", String(body.count))] + extraHeaders
    }

    /// The body as a string (UTF-8, lossy).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
