import ConvfuzzOracle
import ConvfuzzTransport

/// Why a request was retried (counted in the run's retry accounting).
public enum RetryReason: String, Sendable, Codable, CaseIterable, Comparable {
    /// The transfer stayed under the low-speed limit (a stall or a trickle).
    case stall
    /// The connection was reset or closed before any response.
    case reset
    /// The connect or total timeout expired.
    case timeout
    /// The connection could not be made.
    case connect
    /// HTTP 429.
    case status429 = "429"
    /// HTTP 503.
    case status503 = "503"

    /// Orders by declaration, for stable reports.
    public static func < (lhs: RetryReason, rhs: RetryReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The reason to retry a transport error, or nil when the error is final.
    init?(_ error: TransportError) {
        switch error {
        case .couldNotConnect: self = .connect
        case .timedOut: self = .timeout
        case .stalled: self = .stall
        case .truncated(let reason) where RetryReason.isReset(reason): self = .reset
        default: return nil
        }
    }

    /// A reset or an empty reply (curl's texts), as opposed to a body cut short.
    static func isReset(_ reason: String) -> Bool {
        let text = reason.lowercased()
        return text.contains("reset") || text.contains("empty reply")
    }
}
