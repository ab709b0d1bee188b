import ConvfuzzTransport

/// What the execution gateway sends requests through: a batch in, one result per request out, in order.
///
/// The run uses libcurl (``HTTPBatchClient``); tests inject a scripted transport so phases run
/// without sockets.
public protocol RequestTransport: Sendable {
    /// Sends every request (concurrently as the transport sees fit) and returns results in request order.
    func send(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>]
}

extension HTTPBatchClient: RequestTransport {}
