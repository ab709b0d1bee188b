/// A condition that stops a run before it can judge the target (exit code 3 or 2).
public enum RunAbort: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target could not be reached.
    case unreachable(url: String, reason: String)
    /// The target refused the key.
    case unauthorized(url: String, status: Int, keySent: Bool)
    /// The target answered, but nothing could be tested (what was seen is in `reason`).
    case untestable(url: String, reason: String)
    /// The target refused the second key (`--second-key-env`).
    case secondKeyRefused(url: String, status: Int)
    /// The endpoint is not at the target (404/405, an HTML or non-JSON answer): a misconfiguration, not a finding.
    case misconfigured(url: String, seen: String, hint: String)
    /// The configuration or corpus is unusable.
    case invalidInput(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            return reason.contains(url) ? "target unreachable: \(reason)" : "target unreachable: \(url): \(reason)"
        case .unauthorized(let url, let status, let keySent):
            return keySent
                ? "the target refused the API key (HTTP \(status) from \(url))"
                : "the target requires an API key (HTTP \(status) from \(url)); set it in the environment variable named by --api-key-env"
        case .untestable(let url, let reason):
            return "the target could not be tested (\(url)): \(reason)"
        case .secondKeyRefused(let url, let status):
            return "the target refused the second key (HTTP \(status) from \(url)); check the variable named by --second-key-env"
        case .misconfigured(let url, let seen, let hint):
            return "no list endpoint at \(url): \(seen); \(hint)"
        case .invalidInput(let message):
            return message
        }
    }

    /// The documented exit code.
    public var exitCode: Int32 {
        switch self {
        case .unreachable, .unauthorized, .untestable, .secondKeyRefused, .misconfigured: return 3
        case .invalidInput: return 2
        }
    }
}
