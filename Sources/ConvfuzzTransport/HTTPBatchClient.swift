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
/// cut after `lowSpeedTime` seconds. ``stream(next:deliver:)`` keeps the window full (a free slot
/// takes the next request at once), so a stalled transfer holds only its own slot. The body
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
    /// total timeout (a run deadline). The batch's bodies together are capped by `maxBatchBytes`.
    public func send(_ requests: [HTTPRequest], timeout: Double? = nil) -> [Result<HTTPResponse, TransportError>] {
        var results = [Result<HTTPResponse, TransportError>?](repeating: nil, count: requests.count)
        var next = 0
        run(releasing: false, next: {
            guard next < requests.count else { return .end }
            next += 1
            return .request(tag: next - 1, requests[next - 1], timeout: timeout)
        }, deliver: { results[$0] = $1 })
        return results.map { $0! }
    }

    /// Streams requests through a sliding window of `maxConcurrency` transfers: `next` is asked for
    /// a request whenever a slot is free, and every result goes to `deliver` (with its tag) as soon
    /// as its transfer ends, so a slow or stalled transfer holds only its own slot. Returns once
    /// `next` has said ``StreamPull/end`` and every transfer has ended. The bodies of the transfers
    /// in flight are capped by `maxBatchBytes` (a delivered body no longer counts). `next` and
    /// `deliver` run on the calling thread; ``wakeUp()`` cuts short a ``StreamPull/wait(_:)``.
    public func stream(next: () -> StreamPull, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) {
        run(releasing: true, next: next, deliver: deliver)
    }

    /// Wakes a stream waiting for its source (callable from any thread).
    public func wakeUp() {
        _ = curl_multi_wakeup(multi)
    }

    // MARK: Driving the multi handle

    private func run(releasing: Bool, next: () -> StreamPull, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        var batch = BatchRun(poolSize: pool.count)
        let budget = BatchByteBudget(limit: max(configuration.maxResponseBytes, configuration.maxBatchBytes))
        let hand: (Int, Result<HTTPResponse, TransportError>) -> Void = { tag, result in
            if releasing, case .success(let response) = result { budget.release(response.body.count) }
            deliver(tag, result)
        }
        var ended = false
        while true {
            var wait = 0.1
            if !ended { (ended, wait) = start(&batch, budget: budget, next: next, deliver: hand) }
            if ended && batch.active == 0 { return }
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                abortActive(&batch, reason: String(cString: curl_multi_strerror(performed)), deliver: hand)
                continue
            }
            if collectFinished(&batch, deliver: hand) == 0 {
                let milliseconds = Int32(max(0, min(wait, 0.1)) * 1000)
                if batch.active > 0 || milliseconds > 0 { _ = curl_multi_poll(multi, nil, 0, max(1, milliseconds), nil) }
            }
        }
    }

    /// Fills free pool slots with the next requests; returns whether the source ended and how long
    /// it asked to wait.
    private func start(_ batch: inout BatchRun, budget: BatchByteBudget, next: () -> StreamPull,
                       deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) -> (ended: Bool, wait: Double) {
        while batch.hasFreeSlot {
            let pulled = next()
            guard case let .request(tag, request, timeout) = pulled else {
                if case .wait(let seconds) = pulled { return (false, seconds) }
                return (true, 0)
            }
            let slot = batch.assign(tag: tag)
            if let error = pool[slot].prepare(request, batch: budget, timeout: timeout) {
                _ = batch.complete(slot: slot)
                deliver(tag, .failure(error))
                continue
            }
            let added = curl_multi_add_handle(multi, pool[slot].handle)
            if added != CURLM_OK {
                let reason = String(cString: curl_multi_strerror(added))
                _ = pool[slot].finish(CURLE_FAILED_INIT)
                _ = batch.complete(slot: slot)
                deliver(tag, .failure(.other(code: Int(CURLE_FAILED_INIT.rawValue), reason: reason)))
            }
        }
        return (false, 0)
    }

    /// Reads finished transfers off the multi handle; returns how many finished.
    private func collectFinished(_ batch: inout BatchRun, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) -> Int {
        var finished = 0
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE,
                  let easy = message.pointee.easy_handle,
                  let slot = pool.firstIndex(where: { $0.handle == easy }) else { continue }
            let code = message.pointee.data.result
            _ = curl_multi_remove_handle(multi, easy)
            let result = pool[slot].finish(code)
            if let tag = batch.complete(slot: slot) { deliver(tag, result) }
            finished += 1
        }
        return finished
    }

    /// Fails every running transfer after a multi-level error.
    private func abortActive(_ batch: inout BatchRun, reason: String, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) {
        for slot in batch.activeSlots {
            _ = curl_multi_remove_handle(multi, pool[slot].handle)
            _ = pool[slot].finish(CURLE_ABORTED_BY_CALLBACK)
            if let tag = batch.complete(slot: slot) {
                deliver(tag, .failure(.other(code: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), reason: reason)))
            }
        }
    }

    /// libcurl's version line, e.g. `libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13`.
    public static func versionString() -> String {
        CurlGlobal.ensure()
        return String(cString: curl_version())
    }
}
