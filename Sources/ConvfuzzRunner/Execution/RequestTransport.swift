import ConvfuzzTransport
import Foundation

/// What the execution gateway sends requests through: requests in, one result per request out.
///
/// A run uses libcurl (``HTTPBatchClient``); tests inject a scripted transport, so that phases run
/// alone, without sockets.
public protocol RequestTransport: Sendable {
    /// Sends every request (concurrently as the transport sees fit), each within `timeout` seconds
    /// when given, and returns one result per request, in request order.
    func send(_ requests: [HTTPRequest], timeout: Double?) -> [Result<HTTPResponse, TransportError>]

    /// Streams requests: `next` is asked for one whenever the transport can start one, and each
    /// result goes to `deliver` with its tag as soon as it is known (in any order). Returns once
    /// `next` said ``StreamPull/end`` and every result was delivered.
    func stream(next: () -> StreamPull, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void)

    /// Cuts short a stream's ``StreamPull/wait(_:)`` (new requests are ready); callable from any thread.
    func wakeUp()
}

extension RequestTransport {
    /// A stream over ``send(_:timeout:)``: what is ready is sent as one batch, its results delivered,
    /// and so on (scripted transports answer at once, so nothing waits on a batch).
    public func stream(next: () -> StreamPull, deliver: (Int, Result<HTTPResponse, TransportError>) -> Void) {
        while true {
            var batch: [(tag: Int, request: HTTPRequest, timeout: Double?)] = []
            var ended = false
            var wait = 0.0
            pulling: while true {
                switch next() {
                case let .request(tag, request, timeout): batch.append((tag, request, timeout))
                case .wait(let seconds): wait = seconds; break pulling
                case .end: ended = true; break pulling
                }
            }
            let timeout = batch.compactMap(\.timeout).min()
            for (sent, result) in zip(batch, batch.isEmpty ? [] : send(batch.map(\.request), timeout: timeout)) {
                deliver(sent.tag, result)
            }
            if ended { return }
            if batch.isEmpty { Thread.sleep(forTimeInterval: min(max(wait, 0.001), 0.01)) }
        }
    }

    /// Nothing to wake: the default stream polls.
    public func wakeUp() {}
}

extension HTTPBatchClient: RequestTransport {}
