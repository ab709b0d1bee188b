import ConvfuzzResults
import ConvfuzzTransport

// MARK: - Transport errors

extension RetryReason {
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
