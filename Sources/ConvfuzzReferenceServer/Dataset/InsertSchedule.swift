#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Growth at a steady rate: how many conversations are due by now, and the wall-clock second
/// they carry.
///
/// The schedule starts when the application is created; each list request first inserts the
/// conversations that fell due since the last one (`rate` per second, whole conversations),
/// each stamped with the current Unix second, so several conversations share a second at
/// rates above one per second, as on a real service.
final class InsertSchedule: @unchecked Sendable {
    /// Conversations per second.
    let rate: Double
    private let origin: Double
    private let lock = PThreadMutex()
    private var inserted = 0

    init(rate: Double) {
        self.rate = rate
        origin = Self.monotonicSeconds()
    }

    /// The number of conversations due since the last call (claimed by the caller).
    func claimDue() -> Int {
        let due = Int((Self.monotonicSeconds() - origin) * rate)
        return lock.withLock {
            let count = max(0, due - inserted)
            inserted += count
            return count
        }
    }

    /// The current Unix time in whole seconds.
    static func unixSecond() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
