import ConvfuzzResults
import ConvfuzzTransport

/// What to do with one answer: keep it, retry it after a wait, or keep it and report a condition.
enum RetryDecision: Equatable {
    /// The answer is final.
    case final
    /// Retry after `delay` seconds.
    case retry(delay: Double, reason: RetryReason, askedByTarget: Bool)
    /// The target asked for a wait over `--max-retry-after`: not slept through, reported.
    case refusedWait(seconds: Double, status: Int)

    /// Decides for one answer; `backoff` is the jittered exponential backoff for this attempt.
    static func decide(_ answer: Result<HTTPResponse, TransportError>, backoff: Double, maxRetryAfter: Double) -> RetryDecision {
        switch answer {
        case .failure(let error):
            guard let reason = RetryReason(error) else { return .final }
            return .retry(delay: backoff, reason: reason, askedByTarget: false)
        case .success(let response):
            let reason: RetryReason
            switch response.status {
            case 429: reason = .status429
            case 503: reason = .status503
            default: return .final
            }
            guard let seconds = RetryAfter.seconds(response.header(named: "retry-after")) else {
                return .retry(delay: backoff, reason: reason, askedByTarget: false)
            }
            if seconds > maxRetryAfter { return .refusedWait(seconds: seconds, status: response.status) }
            return .retry(delay: seconds, reason: reason, askedByTarget: true)
        }
    }
}
