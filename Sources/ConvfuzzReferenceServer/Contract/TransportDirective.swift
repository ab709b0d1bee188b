/// How the HTTP layer must deliver a response (faults can ask for misbehaviour).
public enum TransportDirective: Sendable, Equatable {
    /// Send the response normally.
    case normal
    /// Sleep this many milliseconds before sending.
    case delay(milliseconds: Int)
    /// Declare `Content-Length` larger by `extraBytes`, send the body, then close.
    case truncate(extraBytes: Int)
}
