import Foundation

/// Runs blocking work (a whole in-process run, a wait for a child process) on threads of its own,
/// at most ``width`` pieces at a time, and lets the calling test await it.
///
/// Swift Testing runs every test on one shared pool of threads, as wide as the machine has cores:
/// two here. A synchronous test that runs a whole fuzzing run, or waits for a child, holds one of
/// those threads until it ends, so the tests behind it cannot even start, and the tests that mostly
/// wait (timeouts, stalls) end up last, with the cores idle. Through a lane the heavy work runs on
/// its own threads, a bounded number at once so the cores are not oversubscribed, and the pool stays
/// free for everything else.
///
/// The lane never needs the pool itself: its workers take the next piece of work as they finish one.
/// (A lane that handed its places over on the pool stalled whenever synchronous tests held every pool
/// thread: the suite measured about a minute at under one busy core.)
public final class BlockingLane: @unchecked Sendable {
    /// The lane the CPU-bound runs of the suite share: as wide as the machine has cores.
    public static let runs = BlockingLane(width: max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// How many pieces of work may run at once.
    public let width: Int
    /// Guards ``queue`` and ``workers``.
    private let lock = NSLock()
    /// Work waiting for a place, first come first served.
    private var queue: [@Sendable () -> Void] = []
    /// Worker threads alive (each runs one piece at a time).
    private var workers = 0

    /// A lane for at most `width` (at least 1) pieces of work at once.
    public init(width: Int) {
        self.width = max(1, width)
    }

    /// Pieces of work queued for a place, not yet started.
    public var waitingCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return queue.count
    }

    /// Runs `work` on a thread of the lane once a place is free, and returns what it returned or
    /// throws what it threw.
    public func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work` on a thread of its own at once, outside any lane: for work that mostly waits.
    public static func onOwnThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            startThread { continuation.resume(with: Result { try work() }) }
        }
    }

    // MARK: - Workers

    /// Queues `job` without waiting for it, and starts a worker when fewer than ``width`` are alive.
    public func submit(_ job: @escaping @Sendable () -> Void) {
        lock.lock()
        queue.append(job)
        let startsWorker = workers < width
        if startsWorker { workers += 1 }
        lock.unlock()
        if startsWorker { Self.startThread { self.drain() } }
    }

    /// A worker's loop: runs queued jobs until none is left, then ends.
    private func drain() {
        while true {
            lock.lock()
            if queue.isEmpty {
                workers -= 1
                lock.unlock()
                return
            }
            let job = queue.removeFirst()
            lock.unlock()
            job()
        }
    }

    /// Starts a thread running `body`, with the main thread's stack size: a whole run recurses
    /// through the JSON of large pages, deeper than a secondary thread's default stack allows.
    private static func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = 8 << 20
        thread.start()
    }
}
