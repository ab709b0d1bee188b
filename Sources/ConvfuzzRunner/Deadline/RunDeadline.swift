import Foundation

/// The instant the current phase of a run must end, on the monotonic clock.
///
/// `--time-budget` becomes two deadlines: exploration (preflight, discovery, cases, probes, walks,
/// relations) ends at `start + budget × (1 − confirmShare)`, confirmation and shrinking at
/// `start + budget` (or at the end of exploration + `--confirm-budget`). Every request's timeout is
/// cut to what is left and no wait (backoff, `Retry-After`) is allowed to pass it.
/// `@unchecked Sendable`: `end` is guarded by `lock`.
public final class RunDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var end: Double?

    /// Now on the monotonic clock the deadlines use.
    public static func now() -> Double { Clock.monotonic() }

    /// A deadline `seconds` from now, or none.
    public init(seconds: Double? = nil) {
        end = seconds.map { Clock.monotonic() + $0 }
    }

    /// Moves the deadline to `seconds` from now (nil removes it).
    public func reset(seconds: Double?) {
        let now = Clock.monotonic()
        lock.withLock { end = seconds.map { now + $0 } }
    }

    /// Moves the deadline to an instant on the monotonic clock (nil removes it).
    public func reset(at instant: Double?) {
        lock.withLock { end = instant }
    }

    /// The instant on the monotonic clock, if any.
    public var instant: Double? { lock.withLock { end } }

    /// Seconds left (never negative), or nil without a deadline.
    public var remaining: Double? {
        let now = Clock.monotonic()
        return lock.withLock { end.map { max(0, $0 - now) } }
    }

    /// True when a deadline exists and has passed.
    public var hasPassed: Bool { remaining.map { $0 <= 0 } ?? false }
}
