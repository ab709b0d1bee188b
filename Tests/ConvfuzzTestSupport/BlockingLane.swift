import Foundation

/// Runs blocking work (a whole in-process run, a wait for a child process) on a thread of its own,
/// at most ``width`` pieces at a time, and lets the calling test await it.
///
/// Swift Testing runs every test on one shared pool of threads, as wide as the machine has cores:
/// two here. A synchronous test that runs a whole fuzzing run, or waits for a child, holds one of
/// those threads until it ends, so the tests behind it cannot even start, and the tests that mostly
/// wait (timeouts, stalls) end up last, with the cores idle. Through a lane the heavy work runs on
/// its own threads, a bounded number at once so the cores are not oversubscribed, and the pool stays
/// free for everything else.
public actor BlockingLane {
    /// The lane the CPU-bound runs of the suite share: as wide as the machine has cores.
    public static let runs = BlockingLane(width: max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// How many pieces of work may run at once.
    public nonisolated let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A lane for at most `width` (at least 1) pieces of work at once.
    public init(width: Int) {
        self.width = max(1, width)
    }

    /// Runs `work` on a thread of its own once a place in the lane is free, and returns what it
    /// returned or throws what it threw.
    public func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        await enter()
        defer { leave() }
        return try await Self.onOwnThread(work)
    }

    /// Runs `work` on a thread of its own at once, outside any lane: for work that mostly waits.
    public static func onOwnThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            // A whole run recurses through the JSON of large pages: the main thread's stack size, not a
            // secondary thread's default.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    // MARK: - Places

    private func enter() async {
        if running < width {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            // The place passes straight to the next in line.
            waiting.removeFirst().resume()
        }
    }
}
