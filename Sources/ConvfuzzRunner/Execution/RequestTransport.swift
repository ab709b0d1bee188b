import ConvfuzzTransport

/// What the execution gateway sends requests through: a batch in, one result per request out, in order.
///
/// A run uses libcurl (``HTTPBatchClient``); tests inject a scripted transport, so that phases run
/// alone, without sockets.
public protocol RequestTransport: Sendable {
    /// Sends every request (concurrently as the transport sees fit), each within `timeout` seconds
    /// when given, and returns one result per request, in request order.
    func send(_ requests: [HTTPRequest], timeout: Double?) -> [Result<HTTPResponse, TransportError>]
}

extension HTTPBatchClient: RequestTransport {}
