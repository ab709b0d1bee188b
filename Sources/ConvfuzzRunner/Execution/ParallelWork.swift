import Dispatch
import Foundation

/// CPU work on every core, with results in input order, so what runs in parallel never changes
/// what the run records: findings are recorded afterwards, in request order, on one thread.
public enum ParallelWork {
    /// Worker threads used for checking: one per active core.
    public static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `transform` applied to every item, spread over the cores; results in input order.
    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item],
                                                               _ transform: @Sendable (Item) -> Output) -> [Output] {
        let stripes = min(items.count, workers)
        guard stripes > 1 else { return items.map(transform) }
        let slots = Slots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
            var index = stripe
            while index < items.count {
                slots.put(transform(items[index]), at: index)
                index += stripes
            }
        }
        return slots.values()
    }
}

/// Write-once result slots filled from several threads, each slot by exactly one of them.
///
/// `@unchecked Sendable`: every write goes to a distinct index under `lock`, and `values()` is read
/// only after every writer has finished (after `concurrentPerform` returns).
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func put(_ value: Value, at index: Int) {
        lock.withLock { storage[index] = value }
    }

    func values() -> [Value] {
        lock.withLock { storage.map { $0! } }
    }
}
