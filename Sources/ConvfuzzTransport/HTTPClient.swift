import CCurl
import Foundation

/// Sequential HTTP client over one reusable curl easy handle.
///
/// The handle is reused for every call, so consecutive requests to the same
/// origin share one keep-alive connection. Calls are serialised by an internal
/// lock, which is what makes the class `@unchecked Sendable`; concurrent
/// callers simply wait for each other (use ``HTTPBatchClient`` for parallelism).
///
/// Behaviour of every transfer: HTTP/1.1, no signals (`CURLOPT_NOSIGNAL`), no
/// redirects, no proxy, no compression (no `Accept-Encoding` is sent), the
/// configured connect/total timeouts and body cap.
///
/// The URL is sent byte-exact (`CURLOPT_PATH_AS_IS`; curl 7.88 neither
/// encodes nor decodes nor normalises). Bytes that cannot be sent raw are
/// rejected with ``TransportError/invalidURL(reason:)`` instead of being
/// altered: bytes 0x00–0x20 (controls and space), 0x7F, and `#` (curl would
/// drop it as a fragment). Percent-encode them.
public final class HTTPClient: @unchecked Sendable {
    /// The configuration every transfer uses.
    public let configuration: TransportConfiguration
    // `lock` guards `easy`: each send holds it for the whole transfer.
    private let lock = NSLock()
    private let easy: EasyHandle

    /// Creates a client with its own easy handle and connection cache.
    public init(configuration: TransportConfiguration = TransportConfiguration()) {
        self.configuration = configuration
        easy = EasyHandle(configuration: configuration)
    }

    /// Sends one request and waits for the complete response.
    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        lock.lock()
        defer { lock.unlock() }
        if let error = easy.prepare(request) { return .failure(error) }
        let code = curl_easy_perform(easy.handle)
        return easy.finish(code)
    }

    /// Sends requests one after another on the same connection; results are in request order.
    public func send(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        requests.map { send($0) }
    }

    /// libcurl's version line, e.g. `libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13`.
    public static func versionString() -> String {
        CurlGlobal.ensure()
        return String(cString: curl_version())
    }
}
