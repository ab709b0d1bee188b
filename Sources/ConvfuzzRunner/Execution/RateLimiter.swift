import Foundation

/// Paces requests to at most `perSecond`, spreading them evenly.
final class RateLimiter: @unchecked Sendable {
    // State guarded by `lock`.
    private let lock = NSLock()
    private let interval: Double
    private var next: Double = 0

    init?(perSecond: Double?) {
        guard let perSecond, perSecond > 0 else { return nil }
        interval = 1.0 / perSecond
    }

    /// Blocks until `count` more requests may start.
    func acquire(_ count: Int) {
        lock.lock()
        let now = Clock.monotonic()
        if next < now { next = now }
        let wait = next - now
        next += interval * Double(count)
        lock.unlock()
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }

    /// Takes the next turn when it has come (returns 0); otherwise the seconds until it comes.
    func take() -> Double {
        lock.withLock {
            let now = Clock.monotonic()
            if next > now { return next - now }
            next = now + interval
            return 0
        }
    }
}
