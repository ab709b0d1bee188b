import CCurl
import Foundation

/// Maps a failed `CURLcode` to a ``TransportError``.
enum CurlErrorMapping {
    /// - Parameters:
    ///   - code: the transfer's result (not `CURLE_OK`).
    ///   - detail: the `CURLOPT_ERRORBUFFER` text (may be empty).
    ///   - url: the request URL.
    ///   - elapsed: curl's total time in seconds.
    ///   - buffer: the transfer's buffer (tells a size abort from other write errors).
    static func error(code: CURLcode, detail: String, url: String, elapsed: Double, buffer: TransferBuffer,
                      lowSpeed: (limit: Int, time: Int) = (0, 0)) -> TransportError {
        let reason = message(code: code, detail: detail)
        switch code {
        case CURLE_OPERATION_TIMEDOUT where detail.localizedCaseInsensitiveContains("too slow"):
            return .stalled(url: url, after: elapsed, received: buffer.headBytes + buffer.body.count,
                            minimumRate: lowSpeed.limit, window: lowSpeed.time)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotConnect(url: url, reason: reason)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url: url, after: elapsed)
        case CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(limit: buffer.limit)
        case CURLE_WRITE_ERROR where buffer.exceededLimit:
            return .responseTooLarge(limit: buffer.limit)
        case CURLE_WRITE_ERROR where buffer.exceededBatch:
            return .batchTooLarge(limit: buffer.batch?.limit ?? 0)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            return .truncated(reason: reason)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidURL(reason: reason)
        default:
            return .other(code: Int(code.rawValue), reason: reason)
        }
    }

    /// `curl_easy_strerror(code)`, followed by the error-buffer detail when it adds something.
    static func message(code: CURLcode, detail: String) -> String {
        let summary = String(cString: curl_easy_strerror(code))
        if detail.isEmpty || detail == summary { return summary }
        return "\(summary): \(detail)"
    }
}
