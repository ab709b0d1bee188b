/// A complete response: status, headers in arrival order, the raw body bytes.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Headers of the final response, in arrival order (names lowercased).
    public var headers: [HTTPResponseHeader]
    /// The body exactly as received (no decoding; compression is not requested).
    public var body: [UInt8]
    /// curl's timings for the transfer.
    public var timings: HTTPTimings
    /// `CURLINFO_EFFECTIVE_URL` (redirects are never followed, so this is the
    /// request URL as curl re-assembles it; it drops an empty trailing `?`,
    /// although the `?` itself was sent).
    public var effectiveURL: String

    /// Creates a response.
    public init(status: Int, headers: [HTTPResponseHeader], body: [UInt8], timings: HTTPTimings, effectiveURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.timings = timings
        self.effectiveURL = effectiveURL
    }

    /// The first value of the header called `name` (case-insensitive), if any.
    public func header(named name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// Every value of the header called `name` (case-insensitive), in order.
    public func headers(named name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name == wanted }.map(\.value)
    }
}
