import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzTransport
import Foundation
import Histogram

/// Records the traffic of a run as it happens: each request's phase, start offset and latency,
/// and each walk's length, aggregated on the fly so memory stays bounded however long the run.
///
/// `RequestExecutor` reports every batch it sends (``record(_:sentAt:attempt:)``), `WalkDriver`
/// every walk it finishes, and the runner names the phase it enters (``enter(_:)``). A batch's
/// transfers share a pool of `concurrency` connections; each request's start is the moment the
/// pool could take it, replayed from curl's per-transfer times in the order the pool assigns them.
/// Latencies go into an HdrHistogram (microseconds, three significant digits).
/// Timing never influences cases or findings; it is only reported.
public final class TrafficRecorder: @unchecked Sendable {
    // Everything below `lock` is guarded by it.
    private let lock = NSLock()
    private let clock: @Sendable () -> Double
    private let origin: Double
    private let concurrency: Int
    private var phaseNames: [String] = []
    private var phaseSeconds: [Double] = []
    private var phaseRequests: [Int] = []
    private var phaseRetries: [Int] = []
    private var current = 0
    private var currentSince: Double
    private var resolution = TrafficRecorder.baseResolution
    private var buckets: [[Int]] = []
    private var latency: Histogram<UInt64>
    private var walkLengths: [Int: Int] = [:]
    private var statuses: [String: Int] = [:]

    /// The finest time bucket, in seconds.
    static let baseResolution = 0.25
    /// Internal buckets kept before they are merged pairwise (doubling their width).
    static let maxBuckets = 4_096
    /// The most buckets the summary's timeline has.
    static let maxTimelineBuckets = 60
    /// Upper bounds of the latency histogram's buckets, in milliseconds (the last bucket is open).
    static let latencyEdgesMs: [Double] = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000]

    /// Creates a recorder whose clock is the monotonic clock, starting now in phase `preflight`.
    public convenience init(concurrency: Int) {
        self.init(concurrency: concurrency, clock: { Clock.monotonic() })
    }

    /// Creates a recorder reading time (in seconds) from `clock`, starting now in phase `preflight`.
    public init(concurrency: Int, clock: @escaping @Sendable () -> Double) {
        self.clock = clock
        self.concurrency = max(1, concurrency)
        origin = clock()
        currentSince = origin
        var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        latency = histogram
        phaseIndex(PhaseName.preflight.title)
    }

    // MARK: Recording

    /// Seconds since the recorder was created.
    public func now() -> Double {
        clock() - origin
    }

    /// The title of the phase requests are counted in now.
    public var currentPhase: String {
        lock.withLock { phaseNames[current] }
    }

    /// Marks the start of a phase; entering the current phase again does nothing.
    public func enter(_ name: PhaseName) {
        let phase = name.title
        let time = clock()
        lock.withLock {
            guard phaseNames[current] != phase else { return }
            phaseSeconds[current] += time - currentSince
            currentSince = time
            current = phaseIndex(phase)
        }
    }

    /// Records one batch the executor sent at `sentAt` (from ``now()``); `attempt` 0 is the first try.
    public func record(_ answers: [Result<HTTPResponse, TransportError>], sentAt: Double, attempt: Int) {
        let latencies = answers.map(Self.latency(of:))
        let starts = Self.startOffsets(latencies: latencies.map { $0 ?? 0 }, sentAt: sentAt, concurrency: concurrency)
        lock.withLock {
            phaseRequests[current] += answers.count
            if attempt > 0 { phaseRetries[current] += answers.count }
            for (answer, (start, seconds)) in zip(answers, zip(starts, latencies)) {
                count(start: start)
                switch answer {
                case .success(let response):
                    statuses[String(response.status), default: 0] += 1
                case .failure:
                    statuses["transport", default: 0] += 1
                }
                if case .success = answer, let seconds {
                    _ = latency.record(UInt64(max(0, seconds * 1_000_000).rounded()))
                }
            }
        }
    }

    /// Records finished walks by their page counts.
    public func recordWalks(pages: [Int]) {
        lock.withLock {
            for count in pages { walkLengths[count, default: 0] += 1 }
        }
    }

    // MARK: Summary

    /// What was recorded so far, ready for reports.
    public func summary() -> TrafficSummary {
        let time = clock()
        return lock.withLock {
            var seconds = phaseSeconds
            seconds[current] += time - currentSince
            let phases = phaseNames.indices.map { index in
                PhaseTraffic(name: phaseNames[index], seconds: seconds[index], requests: phaseRequests[index],
                             retries: phaseRetries[index],
                             categories: (PhaseName(title: phaseNames[index])?.categories ?? CheckCategory.allCases).map(\.rawValue))
            }
            return TrafficSummary(phases: phases, timeline: timeline(), latency: latencySummary(),
                                  walkLengths: walkLengths.keys.sorted().map { WalkLengthCount(pages: $0, walks: walkLengths[$0]!) },
                                  statuses: statusCounts())
        }
    }

    // MARK: Helpers (called with the lock held)

    @discardableResult
    private func phaseIndex(_ name: String) -> Int {
        if let index = phaseNames.firstIndex(of: name) { return index }
        phaseNames.append(name)
        phaseSeconds.append(0)
        phaseRequests.append(0)
        phaseRetries.append(0)
        for index in buckets.indices { buckets[index].append(0) }
        return phaseNames.count - 1
    }

    private func count(start: Double) {
        var index = Int(max(0, start) / resolution)
        while index >= Self.maxBuckets {
            mergeBuckets()
            index = Int(max(0, start) / resolution)
        }
        while buckets.count <= index { buckets.append(Array(repeating: 0, count: phaseNames.count)) }
        buckets[index][current] += 1
    }

    private func mergeBuckets() {
        var merged: [[Int]] = []
        var index = 0
        while index < buckets.count {
            var pair = buckets[index]
            if index + 1 < buckets.count {
                for phase in pair.indices { pair[phase] += buckets[index + 1][phase] }
            }
            merged.append(pair)
            index += 2
        }
        buckets = merged
        resolution *= 2
    }

    private func timeline() -> RequestTimeline {
        guard !buckets.isEmpty else { return RequestTimeline(bucketSeconds: resolution, buckets: []) }
        var factor = 1
        while (buckets.count + factor - 1) / factor > Self.maxTimelineBuckets { factor *= 2 }
        var result: [TimelineBucket] = []
        var index = 0
        while index < buckets.count {
            var counts = Array(repeating: 0, count: phaseNames.count)
            for bucket in buckets[index..<min(buckets.count, index + factor)] {
                for phase in bucket.indices { counts[phase] += bucket[phase] }
            }
            result.append(TimelineBucket(start: Double(index) * resolution, counts: counts))
            index += factor
        }
        return RequestTimeline(bucketSeconds: resolution * Double(factor), buckets: result)
    }

    private func latencySummary() -> LatencySummary {
        guard latency.totalCount > 0 else { return LatencySummary() }
        let edges = Self.latencyEdgesMs
        var counts = Array(repeating: 0, count: edges.count + 1)
        for step in latency.recordedValues() {
            let ms = Double(latency.medianEquivalentForValue(step.value)) / 1_000
            let bucket = edges.firstIndex { ms < $0 } ?? edges.count
            counts[bucket] += Int(step.count)
        }
        var buckets = counts.indices.map { index in
            LatencyBucket(lowerMs: index == 0 ? 0 : edges[index - 1], upperMs: index < edges.count ? edges[index] : nil,
                          count: counts[index])
        }
        while let first = buckets.first, first.count == 0 { buckets.removeFirst() }
        while let last = buckets.last, last.count == 0 { buckets.removeLast() }
        func ms(_ percentile: Double) -> Double { Double(latency.valueAtPercentile(percentile)) / 1_000 }
        return LatencySummary(count: Int(latency.totalCount), meanMs: latency.mean / 1_000, p50Ms: ms(50), p90Ms: ms(90),
                              p95Ms: ms(95), p99Ms: ms(99), maxMs: Double(latency.max) / 1_000, buckets: buckets,
                              percentileLadderMs: (0...100).map { ms(Double($0)) })
    }

    private func statusCounts() -> [StatusCount] {
        let numeric = statuses.keys.compactMap(Int.init).sorted().map { StatusCount(status: String($0), count: statuses[String($0)]!) }
        let other = statuses.keys.filter { Int($0) == nil }.sorted().map { StatusCount(status: $0, count: statuses[$0]!) }
        return numeric + other
    }

    // MARK: Scheduling

    /// curl's total time of a transfer, or the time a timed-out transfer ran; nil when unknown.
    static func latency(of answer: Result<HTTPResponse, TransportError>) -> Double? {
        switch answer {
        case .success(let response): return response.timings.total
        case .failure(.timedOut(_, let after)): return after
        case .failure: return nil
        }
    }

    /// When each request of a batch started: the pool takes requests in order, each on the
    /// connection slot that frees first (lowest slot on a tie), as `HTTPBatchClient` assigns them.
    static func startOffsets(latencies: [Double], sentAt: Double, concurrency: Int) -> [Double] {
        var free = Array(repeating: sentAt, count: min(max(1, concurrency), max(1, latencies.count)))
        return latencies.map { seconds in
            var slot = 0
            for index in free.indices where free[index] < free[slot] { slot = index }
            let start = free[slot]
            free[slot] = start + max(0, seconds)
            return start
        }
    }
}
