import Foundation

/// Why a transfer produced no complete response.
///
/// `reason` texts are curl's own: `curl_easy_strerror` plus the
/// `CURLOPT_ERRORBUFFER` detail. URLs never carry the API key (it is a header),
/// so nothing here needs redaction.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Name resolution or the TCP connect failed (e.g. connection refused).
    case couldNotConnect(url: String, reason: String)
    /// The connect or total timeout expired; `after` is curl's elapsed time in seconds.
    case timedOut(url: String, after: Double)
    /// The transfer stayed under `minimumRate` bytes per second for `window` seconds and was cut;
    /// `received` bytes (head and body) had arrived after `after` seconds.
    case stalled(url: String, after: Double, received: Int, minimumRate: Int, window: Int)
    /// The body exceeded `limit` bytes and the transfer was aborted.
    case responseTooLarge(limit: Int)
    /// The batch this transfer belonged to already held `limit` body bytes; the transfer was aborted.
    case batchTooLarge(limit: Int)
    /// The connection closed before the response was complete
    /// (`CURLE_PARTIAL_FILE`, `CURLE_RECV_ERROR`, `CURLE_GOT_NOTHING`).
    case truncated(reason: String)
    /// The URL cannot be sent byte-exact (forbidden byte) or curl rejected it.
    case invalidURL(reason: String)
    /// Any other curl failure; `code` is the `CURLcode` (43 for a request the
    /// transport refused to build, e.g. CR/LF in a header).
    case other(code: Int, reason: String)

    /// A one-line, human-readable message.
    public var description: String {
        switch self {
        case let .couldNotConnect(url, reason): "could not connect to \(url): \(reason)"
        case let .timedOut(url, after): "timed out after \(after) s: \(url)"
        case let .stalled(url, after, received, minimumRate, window):
            "stalled: \(received) bytes in \(String(format: "%.1f", after)) s, under \(minimumRate) bytes/s for \(window) s; transfer cut: \(url)"
        case let .responseTooLarge(limit): "response body exceeded the limit of \(limit) bytes; transfer aborted"
        case let .batchTooLarge(limit): "response body exceeded the limit of \(limit) bytes held by one batch; transfer aborted"
        case let .truncated(reason): "response truncated: \(reason)"
        case let .invalidURL(reason): "invalid URL: \(reason)"
        case let .other(code, reason): "transport error \(code): \(reason)"
        }
    }
}
