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
}
