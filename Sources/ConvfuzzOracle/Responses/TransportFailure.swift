/// The kind of a transport failure, as far as the oracle cares.
///
/// The oracle's own type: the runner maps the transport's errors onto it.
public enum TransportFailure: String, Sendable, Codable, Hashable, CaseIterable {
    /// Could not connect.
    case connect
    /// A connect or total timeout.
    case timeout
    /// The transfer stayed under the low-speed limit (a stall or a trickle) and was cut.
    case stall
    /// The body went over the size cap.
    case tooLarge
    /// The connection closed before the body was complete.
    case truncated
    /// Anything else (including a URL the transport would not send).
    case other
    /// Not sent at all: the run's deadline had passed or the run was stopped (no finding).
    case skipped

    /// Whether the failure is about the body (checked as `CF-BODY-JSON`) rather than the connection.
    public var isBodyFailure: Bool { self == .tooLarge || self == .truncated }
}
