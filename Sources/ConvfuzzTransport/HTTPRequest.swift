/// One HTTP request (no body: the fuzzer only sends query strings).
///
/// `url` is sent byte-exact: the transport does no percent-encoding, no
/// decoding and no path normalisation. See ``HTTPBatchClient`` for the few bytes
/// that cannot be sent raw and are rejected with ``TransportError/invalidURL(reason:)``.
public struct HTTPRequest: Sendable, CustomStringConvertible, CustomReflectable {
    /// The method token, `GET` by default.
    public var method: String
    /// Scheme, host, path and the already-encoded query, e.g. `http://127.0.0.1:8080/v1/items?a=1`.
    public var url: String
    /// Extra headers; they replace curl's defaults of the same name.
    public var headers: [HTTPHeader]
    /// An opaque caller tag (e.g. a case index); the transport ignores it.
    public var tag: Int?

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], tag: Int? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.tag = tag
    }

    /// `METHOD url [headers]` with secret header values redacted.
    public var description: String {
        let shown = headers.map(\.description).joined(separator: ", ")
        return headers.isEmpty ? "\(method) \(url)" : "\(method) \(url) [\(shown)]"
    }

    /// A mirror whose headers are redacted, so `dump` cannot leak a secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": url, "headers": headers, "tag": tag as Any])
    }
}
