import Foundation

/// The run's snapshot as last published by the runner thread, readable from any thread.
final class PublishedSnapshot: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value: RunSnapshot

    init(_ initial: RunSnapshot) { value = initial }

    /// Publishes a copy.
    func store(_ snapshot: RunSnapshot) { lock.withLock { value = snapshot } }

    /// The last published copy.
    var current: RunSnapshot { lock.withLock { value } }
}
