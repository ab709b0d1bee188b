import Foundation

/// Monotonic time for budgets and rates. Never used to make cases.
public enum Clock {
    /// Seconds on a monotonic clock.
    public static func monotonic() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The wall-clock time as ISO 8601, for report headers only.
    public static func isoNow() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}
