import ConvfuzzTestSupport
import Foundation
import Testing

/// The lane the heavy tests run through: bounded, in order of the callers' results, errors passed on.
@Suite("Blocking lane")
struct BlockingLaneTests {
    /// Counts the pieces of work running at once, and the most seen.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0
        private(set) var most = 0

        func enter() { lock.withLock { now += 1; most = max(most, now) } }
        func leave() { lock.withLock { now -= 1 } }
    }

    struct Refused: Error {}

    @Test func neverRunsMoreThanItsWidthAndReturnsEachResult() async throws {
        let lane = BlockingLane(width: 2)
        let gauge = Gauge()
        let results = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<6 {
                group.addTask {
                    let value = try await lane.run { () -> Int in
                        gauge.enter()
                        defer { gauge.leave() }
                        Thread.sleep(forTimeInterval: 0.03)
                        return index * index
                    }
                    return (index, value)
                }
            }
            var collected: [Int: Int] = [:]
            for try await (index, value) in group { collected[index] = value }
            return collected
        }
        #expect(results == Dictionary(uniqueKeysWithValues: (0..<6).map { ($0, $0 * $0) }))
        #expect(gauge.most == 2, "at most two at once, and the lane used both places")
    }

    @Test func anErrorReachesTheCallerAndFreesThePlace() async throws {
        let lane = BlockingLane(width: 1)
        await #expect(throws: Refused.self) { try await lane.run { () throws -> Int in throw Refused() } }
        // The place was given back: the next piece of work runs.
        #expect(try await lane.run { 7 } == 7)
    }

    /// A finishing worker takes the next piece itself: the place never waits for a thread of the test
    /// pool, which synchronous tests may all be holding. (Both pieces are queued from this thread, so
    /// the test does not depend on the pool either.)
    @Test func theNextPieceRunsOnTheWorkerThatFinishedTheLast() throws {
        let lane = BlockingLane(width: 1)
        let threads = Threads()
        let done = DispatchSemaphore(value: 0)
        lane.submit {
            threads.record()
            // Holds the only place until the second piece is queued behind it.
            let deadline = Date().addingTimeInterval(60)
            while lane.waitingCount < 1 && Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
            done.signal()
        }
        lane.submit {
            threads.record()
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 120) == .success)
        #expect(done.wait(timeout: .now() + 120) == .success)
        #expect(threads.seen.count == 2 && Set(threads.seen).count == 1, "\(threads.seen)")
    }

    /// The threads that ran each piece, in order.
    final class Threads: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        var seen: [String] { lock.withLock { recorded } }
        func record() { lock.withLock { recorded.append("\(pthread_self())") } }
    }
}
