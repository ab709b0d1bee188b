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

/// The credential a request carries.
public enum Credential: Sendable, Hashable {
    /// The run's key under the spec's header; a refusal after good answers halts the run.
    case runKey
    /// The key header replaced: another name and value, or no key at all (`value` nil). Used by the
    /// auth and tenancy probes; their refusals are what they test, so they never halt the run.
    case replaced(header: String, value: String?)
}
