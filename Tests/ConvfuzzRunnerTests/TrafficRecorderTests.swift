@testable import ConvfuzzRunner
import ConvfuzzResults
import ConvfuzzTransport
import Foundation
import Testing

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 100.0

    var now: Double { lock.withLock { value } }

    func advance(_ seconds: Double) {
        lock.withLock { value += seconds }
    }
}

@Suite("Traffic recorder")
struct TrafficRecorderTests {
    func response(_ status: Int, seconds: Double) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: status, headers: [], body: [], timings: HTTPTimings(connect: 0, startTransfer: seconds, total: seconds),
                              effectiveURL: "http://h/"))
    }

    @Test func phasesTimesRequestsAndRetriesAreMeasured() {
        let clock = ManualClock()
        let recorder = TrafficRecorder(concurrency: 2, clock: { clock.now })
        recorder.record([response(200, seconds: 0.1)], sentAt: recorder.now(), attempt: 0)
        clock.advance(0.5)
        recorder.enter(.cases)
        recorder.record([response(200, seconds: 0.2), response(429, seconds: 0.01)], sentAt: recorder.now(), attempt: 0)
        recorder.record([response(200, seconds: 0.05)], sentAt: recorder.now(), attempt: 1)
        clock.advance(1.5)
        recorder.enter(.cases)
        clock.advance(1)
        recorder.enter(.walks)
        recorder.record([.failure(.couldNotConnect(url: "http://h/", reason: "refused"))], sentAt: recorder.now(), attempt: 0)
        recorder.recordWalks(pages: [3, 1, 3])
        clock.advance(0.25)
        let summary = recorder.summary()
        #expect(summary.phases.map(\.name) == ["preflight", "cases", "walks"])
        #expect(summary.phases.map(\.seconds) == [0.5, 2.5, 0.25])
        #expect(summary.phases.map(\.requests) == [1, 3, 1])
        #expect(summary.phases.map(\.retries) == [0, 1, 0])
        #expect(summary.requests == 5 && summary.retries == 1)
        #expect(summary.rateLimited == 1)
        #expect(summary.statuses == [StatusCount(status: "200", count: 3), StatusCount(status: "429", count: 1),
                                     StatusCount(status: "transport", count: 1)])
        #expect(summary.walkLengths == [WalkLengthCount(pages: 1, walks: 1), WalkLengthCount(pages: 3, walks: 2)])
        #expect(summary.phases[1].categories.contains("status") && !summary.phases[1].categories.contains("relation"))
        #expect(summary.phases[2].categories.contains("walk"))
    }

    @Test func timelineBucketsRequestsByStartAndPhase() {
        let clock = ManualClock()
        let recorder = TrafficRecorder(concurrency: 1, clock: { clock.now })
        recorder.enter(.cases)
        // One connection: the second request starts when the first ends (0.3 s later), the third at 0.6 s.
        recorder.record([response(200, seconds: 0.3), response(200, seconds: 0.3), response(200, seconds: 0.3)],
                        sentAt: recorder.now(), attempt: 0)
        clock.advance(0.9)
        recorder.enter(.walks)
        recorder.record([response(200, seconds: 0.1)], sentAt: recorder.now(), attempt: 0)
        let timeline = recorder.summary().timeline
        #expect(timeline.bucketSeconds == 0.25)
        #expect(timeline.buckets.map(\.start) == [0, 0.25, 0.5, 0.75])
        // Phases: preflight, cases, walks.
        #expect(timeline.buckets.map(\.counts) == [[0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1]])
    }

    @Test func longRunsKeepAtMostSixtyTimelineBuckets() {
        let clock = ManualClock()
        let recorder = TrafficRecorder(concurrency: 4, clock: { clock.now })
        for _ in 0..<2_000 {
            recorder.record([response(200, seconds: 0.001)], sentAt: recorder.now(), attempt: 0)
            clock.advance(1.5)
        }
        let timeline = recorder.summary().timeline
        #expect(timeline.buckets.count <= 60)
        #expect(timeline.buckets.reduce(0) { $0 + $1.total } == 2_000)
        #expect(Double(timeline.buckets.count) * timeline.bucketSeconds >= 2_000 * 1.5 - 1.5)
    }

    @Test func startOffsetsReplayThePoolAssignment() {
        let starts = TrafficRecorder.startOffsets(latencies: [1, 3, 1, 1, 0.5], sentAt: 10, concurrency: 2)
        // Slot 0: 10→11, then request 2 at 11→12, request 3 at 12→13; slot 1: 10→13, request 4 at 13.
        #expect(starts == [10, 10, 11, 12, 13])
        #expect(TrafficRecorder.startOffsets(latencies: [], sentAt: 1, concurrency: 8).isEmpty)
    }

    @Test func latencyPercentilesAndHistogram() {
        let recorder = TrafficRecorder(concurrency: 8, clock: { 0 })
        let answers = (1...100).map { response(200, seconds: Double($0) / 1_000) }
        recorder.record(answers, sentAt: 0, attempt: 0)
        recorder.record([.failure(.timedOut(url: "http://h/", after: 30))], sentAt: 0, attempt: 0)
        let latency = recorder.summary().latency
        #expect(latency.count == 100, "a request without a response has no latency")
        #expect(abs(latency.p50Ms - 50) < 0.1)
        #expect(abs(latency.p95Ms - 95) < 0.1)
        #expect(abs(latency.p99Ms - 99) < 0.1)
        #expect(abs(latency.maxMs - 100) < 0.1)
        #expect(abs(latency.meanMs - 50.5) < 0.1)
        #expect(latency.buckets.reduce(0) { $0 + $1.count } == 100)
        #expect(latency.buckets.first?.lowerMs == 1 && latency.buckets.first?.count == 1)
        #expect(latency.buckets.last?.upperMs == 200)
        let tenToTwenty = latency.buckets.first { $0.lowerMs == 10 }
        #expect(tenToTwenty?.count == 10)
    }

    @Test func shardSummariesMergeIntoOne() {
        func shard(_ range: ClosedRange<Int>, phase: PhaseName, status: Int) -> TrafficSummary {
            let clock = ManualClock()
            let recorder = TrafficRecorder(concurrency: 100, clock: { clock.now })
            recorder.enter(phase)
            recorder.record(range.map { response(status, seconds: Double($0) / 1_000) }, sentAt: recorder.now(), attempt: 0)
            recorder.recordWalks(pages: [range.count % 7])
            clock.advance(1)
            return recorder.summary()
        }
        let first = shard(1...50, phase: .cases, status: 200)
        let second = shard(51...100, phase: .walks, status: 429)
        let whole = TrafficRecorder(concurrency: 100, clock: { 0 })
        whole.record((1...100).map { response(200, seconds: Double($0) / 1_000) }, sentAt: 0, attempt: 0)
        let reference = whole.summary().latency

        let merged = TrafficSummary.merged([first, second])
        #expect(merged.phases.map(\.name) == ["preflight", "cases", "walks"])
        #expect(merged.phases.map(\.requests) == [0, 50, 50])
        #expect(merged.phases[0].seconds == 0 && merged.phases[1].seconds == 1 && merged.phases[2].seconds == 1)
        #expect(merged.statuses == [StatusCount(status: "200", count: 50), StatusCount(status: "429", count: 50)])
        #expect(merged.walkLengths == [WalkLengthCount(pages: 1, walks: 2)])
        #expect(merged.timeline.buckets.reduce(0) { $0 + $1.total } == 100)
        #expect(merged.timeline.buckets.first?.counts == [0, 50, 50], "both shards count from their own start")
        #expect(merged.latency.count == 100)
        #expect(abs(merged.latency.meanMs - reference.meanMs) < 0.01)
        #expect(merged.latency.maxMs == reference.maxMs)
        #expect(merged.latency.buckets.reduce(0) { $0 + $1.count } == 100)
        for (mergedValue, exact) in [(merged.latency.p50Ms, reference.p50Ms), (merged.latency.p90Ms, reference.p90Ms),
                                     (merged.latency.p95Ms, reference.p95Ms), (merged.latency.p99Ms, reference.p99Ms)] {
            #expect(abs(mergedValue - exact) < 1.5, "merged \(mergedValue) vs one run \(exact)")
        }
        #expect(merged.latency.percentileLadderMs.count == 101)
        #expect(TrafficSummary.merged([first]) == first)
    }
}
