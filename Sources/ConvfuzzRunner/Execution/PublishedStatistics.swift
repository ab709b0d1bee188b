import Foundation

/// The run's statistics as last published by the runner thread, readable from any thread.
final class PublishedStatistics: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value = RunStatistics()

    /// Publishes a copy.
    func store(_ statistics: RunStatistics) { lock.withLock { value = statistics } }

    /// The last published copy.
    var current: RunStatistics { lock.withLock { value } }
}
