import Foundation

/// A thread-safe counter for scripted answers and servers in tests.
public final class TestCounter: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var count = 0

    /// A counter at zero.
    public init() {}

    /// The count so far, then one more.
    public func next() -> Int {
        lock.withLock {
            defer { count += 1 }
            return count
        }
    }

    /// Adds one.
    public func increment() { _ = next() }

    /// The count so far.
    public var value: Int { lock.withLock { count } }
}
