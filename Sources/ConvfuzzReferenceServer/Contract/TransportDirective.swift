/// How the HTTP layer must deliver a response (faults and chaos modes can ask for misbehaviour).
public enum TransportDirective: Sendable, Equatable {
    /// Send the response normally.
    case normal
    /// Sleep this many milliseconds before sending.
    case delay(milliseconds: Int)
    /// Declare `Content-Length` larger by `extraBytes`, send the body, then close.
    case truncate(extraBytes: Int)
    /// Read the request and never answer; the connection stays open until the peer or the server closes it.
    case stall
    /// Send the whole response one byte per second.
    case trickle
    /// Close the connection with a TCP reset instead of answering.
    case reset
}
