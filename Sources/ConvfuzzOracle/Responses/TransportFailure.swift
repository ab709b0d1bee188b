import ConvfuzzTransport

/// The kind of a transport failure, as far as the oracle cares.
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

    /// The kind of a transport error.
    public init(_ error: TransportError) {
        switch error {
        case .couldNotConnect: self = .connect
        case .timedOut: self = .timeout
        case .stalled: self = .stall
        case .responseTooLarge, .batchTooLarge: self = .tooLarge
        case .truncated: self = .truncated
        case .invalidURL, .other: self = .other
        }
    }

    /// Whether the failure is about the body (checked as `CF-BODY-JSON`) rather than the connection.
    public var isBodyFailure: Bool { self == .tooLarge || self == .truncated }
}
