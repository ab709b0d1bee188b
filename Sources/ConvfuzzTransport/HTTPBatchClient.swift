import CCurl
import Foundation

/// Parallel HTTP client: a curl multi handle driving a fixed pool of easy
/// handles (`maxConcurrency` of them).
///
/// At most `maxConcurrency` transfers run at once; the multi handle's
/// connection cache keeps connections alive across transfers and across
/// batches, so a batch opens at most `maxConcurrency` connections to one
/// origin. Every transfer carries the total timeout (cut to `timeout` when the caller has a
/// deadline) and the low-speed limit, so a batch always ends: a stalled or trickling transfer is
/// cut after `lowSpeedTime` seconds and holds the rest of its batch at most that long. The body
/// bytes one batch holds are capped by `maxBatchBytes`.
/// Behaviour of every transfer: HTTP/1.1, no signals (`CURLOPT_NOSIGNAL`), no redirects, no proxy,
/// no compression (no `Accept-Encoding` is sent), the configured connect/total timeouts and body cap.
///
/// The URL is sent byte-exact (`CURLOPT_PATH_AS_IS`; curl 7.88 neither encodes nor decodes nor
/// normalises). Bytes that cannot be sent raw are rejected with ``TransportError/invalidURL(reason:)``
/// instead of being altered: bytes 0x00–0x20 (controls and space), 0x7F, and `#` (curl would drop it
/// as a fragment). Percent-encode them.
///
/// Calls are serialised by an internal lock, which is what makes the class
/// `@unchecked Sendable`.
public final class HTTPBatchClient: @unchecked Sendable {
    /// The configuration every transfer uses.
    public let configuration: TransportConfiguration
    // `lock` guards `multi` and `pool`: each send holds it for the whole batch.
    private let lock = NSLock()
    private let multi: UnsafeMutableRawPointer
    private let pool: [EasyHandle]

    /// Creates a client with `max(1, configuration.maxConcurrency)` easy handles.
    public init(configuration: TransportConfiguration = TransportConfiguration()) {
        self.configuration = configuration
        CurlGlobal.ensure()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed (out of memory)") }
        self.multi = multi
        let size = max(1, configuration.maxConcurrency)
        pool = (0..<size).map { _ in EasyHandle(configuration: configuration) }
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, size)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, size)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_NOTHING))
    }

    deinit {
        // All easy handles were removed at the end of each batch.
        curl_multi_cleanup(multi)
    }

    /// Sends one request (a batch of one).
    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        send([request])[0]
    }

    /// Sends all requests, at most `maxConcurrency` at once, and returns one
    /// result per request, in request order. `timeout`, when given, caps every transfer's
    /// total timeout (a run deadline).
    public func send(_ requests: [HTTPRequest], timeout: Double? = nil) -> [Result<HTTPResponse, TransportError>] {
        lock.lock()
        defer { lock.unlock() }
        var batch = BatchRun(requests: requests, poolSize: pool.count)
        let budget = BatchByteBudget(limit: max(configuration.maxResponseBytes, configuration.maxBatchBytes))
        while !batch.isDone {
            start(&batch, budget: budget, timeout: timeout)
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                abortActive(&batch, reason: String(cString: curl_multi_strerror(performed)))
                continue
            }
            if collectFinished(&batch) == 0, batch.active > 0 {
                _ = curl_multi_poll(multi, nil, 0, 100, nil)
            }
        }
        return batch.results.map { $0! }
    }

    /// Fills free pool slots with the next requests.
    private func start(_ batch: inout BatchRun, budget: BatchByteBudget, timeout: Double?) {
        while let (slot, index) = batch.nextAssignment() {
            if let error = pool[slot].prepare(batch.requests[index], batch: budget, timeout: timeout) {
                batch.complete(slot: slot, with: .failure(error))
                continue
            }
            let added = curl_multi_add_handle(multi, pool[slot].handle)
            if added != CURLM_OK {
                let reason = String(cString: curl_multi_strerror(added))
                _ = pool[slot].finish(CURLE_FAILED_INIT)
                batch.complete(slot: slot, with: .failure(.other(code: Int(CURLE_FAILED_INIT.rawValue), reason: reason)))
            }
        }
    }

    /// Reads finished transfers off the multi handle; returns how many finished.
    private func collectFinished(_ batch: inout BatchRun) -> Int {
        var finished = 0
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE,
                  let easy = message.pointee.easy_handle,
                  let slot = pool.firstIndex(where: { $0.handle == easy }) else { continue }
            let code = message.pointee.data.result
            _ = curl_multi_remove_handle(multi, easy)
            batch.complete(slot: slot, with: pool[slot].finish(code))
            finished += 1
        }
        return finished
    }

    /// Fails every running transfer after a multi-level error.
    private func abortActive(_ batch: inout BatchRun, reason: String) {
        for slot in batch.activeSlots {
            _ = curl_multi_remove_handle(multi, pool[slot].handle)
            _ = pool[slot].finish(CURLE_ABORTED_BY_CALLBACK)
            batch.complete(slot: slot, with: .failure(.other(code: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), reason: reason)))
        }
    }

    /// libcurl's version line, e.g. `libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13`.
    public static func versionString() -> String {
        CurlGlobal.ensure()
        return String(cString: curl_version())
    }
}
