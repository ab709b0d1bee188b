/// A transport-level misbehaviour of the reference server (`serve --chaos MODE`), next to the
/// contract violations of ``ReferenceFault``. Chaos modes model a broken proxy, load balancer or
/// crashed pod in front of a correct API: they change how (or whether) a list response is delivered.
///
/// Which list requests are affected is decided by the request counter and `--chaos-rate`, never by
/// the clock or the system RNG.
public enum ChaosMode: String, CaseIterable, Sendable {
    /// Accept the connection, read the request, never answer.
    case stall
    /// Send the response at one byte per second.
    case trickle
    /// Every page says `has_more: true` with a new cursor and new items, forever.
    case endlessCursor = "endless-cursor"
    /// Cursors cycle: the first page's cursor, a second one, a third one, then the first again.
    case cursorCycle = "cursor-cycle"
    /// One page holds 100,000 conversations whatever the page size.
    case hugePage = "huge-page"
    /// `429` with `Retry-After: 86400`.
    case retryAfterDay = "retry-after-day"
    /// `429` with `Retry-After: 1` (a storm; use with `--chaos-rate`).
    case throttle
    /// `503 Service Unavailable` without `Retry-After` (a backend flapping; use with `--chaos-rate`).
    case unavailable
    /// The connection is reset (TCP RST) instead of answered.
    case reset
    /// `Content-Length` promises more bytes than are sent, then the connection closes.
    case truncate
    /// A correct JSON body served as `Content-Type: text/plain`.
    case wrongContentType = "wrong-content-type"
    /// A correct JSON body with no `Content-Type` header.
    case noContentType = "no-content-type"
    /// A JSON body with bytes that are not valid UTF-8 inside a string.
    case invalidEncoding = "invalid-encoding"
    /// After 100 good list requests, every request is refused with 401 (a key revoked mid-run).
    case revokeKey = "revoke-key"

    /// One line describing the mode.
    public var summary: String {
        switch self {
        case .stall: return "Accepts the connection, reads the request and never answers."
        case .trickle: return "Sends the response at 1 byte per second."
        case .endlessCursor: return "Every page says has_more=true with a new cursor and new items, forever."
        case .cursorCycle: return "The cursors cycle: page 2, 3, 4 and then page 2's cursor again."
        case .hugePage: return "A page holds 100,000 (minimal) conversations whatever page_size says."
        case .retryAfterDay: return "Answers 429 with Retry-After: 86400."
        case .throttle: return "Answers 429 with Retry-After: 1 (a storm with --chaos-rate)."
        case .unavailable: return "Answers 503 Service Unavailable without Retry-After (a flapping backend; use with --chaos-rate)."
        case .reset: return "Resets the connection (TCP RST) instead of answering."
        case .truncate: return "Declares a longer Content-Length than it sends, then closes."
        case .wrongContentType: return "Serves the correct JSON body as Content-Type: text/plain."
        case .noContentType: return "Serves the correct JSON body without a Content-Type header."
        case .invalidEncoding: return "Puts bytes that are not valid UTF-8 inside a JSON string of the body."
        case .revokeKey: return "Refuses every request with 401 after 100 good list requests (a key revoked mid-run)."
        }
    }

    /// The check ids (or, for `stall`, `trickle`, `reset` and `retry-after-day` at every request, the
    /// exit-3 condition) a run is expected to report against this mode; see `ChaosTests`.
    public var checkIDs: [String] {
        switch self {
        case .stall, .trickle, .reset, .retryAfterDay, .endlessCursor, .revokeKey, .unavailable: return []
        case .cursorCycle: return ["CF-WALK-LOOP"]
        case .hugePage: return ["CF-PAGE-SIZE"]
        case .throttle: return ["CF-RETRY-RATE"]
        case .truncate, .invalidEncoding: return ["CF-BODY-JSON"]
        case .wrongContentType, .noContentType: return ["CF-CONTENT-TYPE"]
        }
    }

    /// Parses `MODE[,MODE…]`; the error names the first unknown mode.
    public static func parseList(_ text: String) -> Result<[ChaosMode], ChaosParseError> {
        var modes: [ChaosMode] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var name = part
            while name.first == " " { name.removeFirst() }
            while name.last == " " { name.removeLast() }
            guard let mode = ChaosMode(rawValue: String(name)) else { return .failure(ChaosParseError(name: String(name))) }
            if !modes.contains(mode) { modes.append(mode) }
        }
        return .success(modes)
    }
}

/// An unknown chaos mode name.
public struct ChaosParseError: Error, Sendable, CustomStringConvertible {
    /// The name that is not a mode.
    public let name: String

    /// `unknown chaos mode 'x'; modes: …`.
    public var description: String {
        "unknown chaos mode '\(name)'; modes: " + ChaosMode.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
