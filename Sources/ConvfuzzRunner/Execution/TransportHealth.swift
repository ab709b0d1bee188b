import ConvfuzzResults
import ConvfuzzTransport
import Foundation

/// The transport health gate: a run whose target needed too many retries fails (exit 3), whatever it
/// found, because its answers cannot be trusted to be the target's.
///
/// A request counts against the target's health when it met, on any attempt, a reset or empty reply,
/// a stall, a timeout, a refused connection, a retried 5xx (503), or a 429 that did not come with a
/// `Retry-After` the gateway could honour or that came again after it was honoured. A single 429 with
/// a `Retry-After` that was waited for is the target pacing the client, not ill health. The share is
/// counted over first attempts; below ``minimumRequests`` first attempts the gate does not judge.
public enum TransportHealth {
    /// The share of requests that may need a retry when neither `--max-retry-share` nor the spec's
    /// `health.max_retry_share` says otherwise.
    public static let defaultMaxRetryShare = 0.05

    /// The fewest first attempts the gate judges (a share of three requests says nothing).
    public static let minimumRequests = 20

    /// Why `answer` (to attempt `attempt`, counted from 0) tells of an unhealthy target, or nil.
    static func unhealthyReason(_ answer: Result<HTTPResponse, TransportError>, attempt: Int) -> RetryReason? {
        switch answer {
        case .failure(let error):
            return RetryReason(error)
        case .success(let response):
            switch response.status {
            case 503:
                return .status503
            case 429:
                let honourable = RetryAfter.seconds(response.header(named: "retry-after")) != nil
                return honourable && attempt == 0 ? nil : .status429
            default:
                return nil
            }
        }
    }

    /// The line that fails the run when more than `maxShare` of the first attempts met trouble, or nil.
    public static func failure(_ retry: RetryStatistics, firstAttempts: Int, maxShare: Double) -> String? {
        let unhealthy = retry.unhealthyRequests ?? 0
        guard firstAttempts >= minimumRequests, unhealthy > 0 else { return nil }
        let share = Double(unhealthy) / Double(firstAttempts)
        guard share > maxShare else { return nil }
        let reasons = retry.unhealthyByReason ?? [:]
        let parts = reasons.keys.sorted { (RetryReason(rawValue: $0) ?? .stall) < (RetryReason(rawValue: $1) ?? .stall) }
            .map { "\(RetryReason(rawValue: $0)?.phrase ?? $0) \(reasons[$0] ?? 0)" }
        return "transport health gate failed: \(unhealthy) of \(firstAttempts) requests (\(percent(share))) met transport trouble "
            + "(\(parts.joined(separator: ", "))), over the limit of \(percent(maxShare)); the target's answers cannot be trusted, "
            + "so the run fails whatever it found (raise the limit with --max-retry-share or the spec's health.max_retry_share)"
    }

    /// `5%`, `12.5%`.
    public static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }

    /// Parses `5%`, `5 %` or `0.05` into a share in [0, 1], or nil.
    public static func parseShare(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if body.hasSuffix("%") {
            body.removeLast()
            body = body.trimmingCharacters(in: .whitespaces)
            scale = 0.01
        }
        guard let value = Double(body), value.isFinite else { return nil }
        let share = value * scale
        return (0...1).contains(share) ? share : nil
    }
}

extension RetryReason {
    /// The reason as a phrase for the health gate's line.
    var phrase: String {
        switch self {
        case .stall: return "stalls"
        case .reset: return "resets"
        case .timeout: return "timeouts"
        case .connect: return "refused connections"
        case .status429: return "429s beyond Retry-After"
        case .status503: return "503s"
        }
    }
}
