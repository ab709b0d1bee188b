import Foundation
import Testing

/// A test trait: the tests of a suite run on ``WaitingTestsExecutor``'s threads instead of the
/// Swift Testing pool.
///
/// The pool is as wide as the machine has cores (two here). Some tests spend most of their time
/// waiting synchronously: for a child `convfuzz` (the command-line suites), a timeout, a stalled or
/// slow target, a Retry-After, a headless browser. On the pool, two of them held both threads while
/// the cores were nearly idle, and the CPU-bound runs queued behind them (the suite's first minute
/// measured 0.5 busy cores). On threads of their own they wait beside the runs.
public struct OwnThreads: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        // The suite's own scope passes through; each test (case) moves to the executor.
        guard testCase != nil else { return try await function() }
        if #available(macOS 15.0, *) {
            try await withTaskExecutorPreference(WaitingTestsExecutor.shared) { try await function() }
        } else {
            try await function()
        }
    }
}

extension Trait where Self == OwnThreads {
    /// Runs each test of the suite on ``WaitingTestsExecutor``'s threads.
    public static var ownThreads: Self { OwnThreads() }
}

/// A task executor whose jobs run on a ``BlockingLane`` of a few threads, for tests that mostly wait
/// synchronously.
@available(macOS 15.0, *)
public final class WaitingTestsExecutor: TaskExecutor {
    /// Shared by every suite with ``OwnThreads``: four threads (the waiting is on children, whose CPU
    /// is their own).
    public static let shared = WaitingTestsExecutor(threads: 4)

    private let lane: BlockingLane

    init(threads: Int) {
        lane = BlockingLane(width: threads)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        lane.submit { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
