/// What the target's traffic looked like over a run, in a form reports can draw directly.
///
/// Built by ``TrafficRecorder``; every array is in a fixed order (phases in the order the run
/// entered them, buckets by time or by value), so reports render it without sorting.
public struct TrafficSummary: Sendable, Codable, Hashable {
    /// Phases in the order the run entered them, with their measured time and requests.
    public var phases: [PhaseTraffic]
    /// Requests over time, per phase.
    public var timeline: RequestTimeline
    /// Latency of answered requests.
    public var latency: LatencySummary
    /// How many walks took each number of pages, by page count.
    public var walkLengths: [WalkLengthCount]
    /// Answers by HTTP status (`"200"`, `"429"`, …) plus `"transport"` for requests that got none.
    public var statuses: [StatusCount]

    /// Creates a summary.
    public init(phases: [PhaseTraffic] = [], timeline: RequestTimeline = RequestTimeline(),
                latency: LatencySummary = LatencySummary(), walkLengths: [WalkLengthCount] = [],
                statuses: [StatusCount] = []) {
        self.phases = phases
        self.timeline = timeline
        self.latency = latency
        self.walkLengths = walkLengths
        self.statuses = statuses
    }

    /// Requests answered `429 Too Many Requests`.
    public var rateLimited: Int { count(status: "429") }

    /// Requests answered with the given status text.
    public func count(status: String) -> Int {
        statuses.first { $0.status == status }?.count ?? 0
    }

    /// Every request the recorder saw, retries included.
    public var requests: Int { phases.reduce(0) { $0 + $1.requests } }

    /// Re-sent requests (attempts after the first), over all phases.
    public var retries: Int { phases.reduce(0) { $0 + $1.retries } }
}

/// One phase of a run: how long it took and what it sent.
public struct PhaseTraffic: Sendable, Codable, Hashable {
    /// The phase's name, as progress shows it (`cases`, `walks`, …).
    public var name: String
    /// Wall-clock seconds spent in the phase (summed when it was entered more than once).
    public var seconds: Double
    /// Requests sent in the phase, retries included.
    public var requests: Int
    /// Of those, re-sent attempts.
    public var retries: Int
    /// The check categories (``ConvfuzzOracle/CheckCategory`` raw values) the phase judges.
    public var categories: [String]

    /// Creates a phase record.
    public init(name: String, seconds: Double, requests: Int, retries: Int, categories: [String]) {
        self.name = name
        self.seconds = seconds
        self.requests = requests
        self.retries = retries
        self.categories = categories
    }
}

/// Requests started per time bucket, split by phase.
public struct RequestTimeline: Sendable, Codable, Hashable {
    /// Width of one bucket in seconds.
    public var bucketSeconds: Double
    /// Buckets from the run's start, consecutive (empty ones included).
    public var buckets: [TimelineBucket]

    /// Creates a timeline.
    public init(bucketSeconds: Double = 1, buckets: [TimelineBucket] = []) {
        self.bucketSeconds = bucketSeconds
        self.buckets = buckets
    }
}

/// One time bucket of a ``RequestTimeline``.
public struct TimelineBucket: Sendable, Codable, Hashable {
    /// Seconds from the run's start to the bucket's start.
    public var start: Double
    /// Requests started in the bucket, one count per phase, aligned with ``TrafficSummary/phases``.
    public var counts: [Int]

    /// Creates a bucket.
    public init(start: Double, counts: [Int]) {
        self.start = start
        self.counts = counts
    }

    /// Requests in the bucket over all phases.
    public var total: Int { counts.reduce(0, +) }
}

/// Latency percentiles and a histogram of answered requests, in milliseconds.
public struct LatencySummary: Sendable, Codable, Hashable {
    /// Requests measured (those that got a response).
    public var count: Int
    /// Mean latency.
    public var meanMs: Double
    /// Median.
    public var p50Ms: Double
    /// 90th percentile.
    public var p90Ms: Double
    /// 95th percentile.
    public var p95Ms: Double
    /// 99th percentile.
    public var p99Ms: Double
    /// The slowest.
    public var maxMs: Double
    /// Histogram buckets, by increasing upper bound (leading and trailing empty buckets left out).
    public var buckets: [LatencyBucket]
    /// The latency at every whole percentile, 0 to 100 (101 values; empty when nothing was measured),
    /// so summaries of several shards can be merged (``TrafficSummary/merged(_:)``).
    public var percentileLadderMs: [Double]

    /// Creates a summary.
    public init(count: Int = 0, meanMs: Double = 0, p50Ms: Double = 0, p90Ms: Double = 0, p95Ms: Double = 0,
                p99Ms: Double = 0, maxMs: Double = 0, buckets: [LatencyBucket] = [], percentileLadderMs: [Double] = []) {
        self.percentileLadderMs = percentileLadderMs
        self.count = count
        self.meanMs = meanMs
        self.p50Ms = p50Ms
        self.p90Ms = p90Ms
        self.p95Ms = p95Ms
        self.p99Ms = p99Ms
        self.maxMs = maxMs
        self.buckets = buckets
    }
}

/// Requests whose latency fell in `[lowerMs, upperMs)`.
public struct LatencyBucket: Sendable, Codable, Hashable {
    /// Lower bound, inclusive.
    public var lowerMs: Double
    /// Upper bound, exclusive; nil for the last, open bucket.
    public var upperMs: Double?
    /// Requests in the bucket.
    public var count: Int

    /// Creates a bucket.
    public init(lowerMs: Double, upperMs: Double?, count: Int) {
        self.lowerMs = lowerMs
        self.upperMs = upperMs
        self.count = count
    }
}

/// How many walks took a given number of pages.
public struct WalkLengthCount: Sendable, Codable, Hashable {
    /// Pages fetched by the walk.
    public var pages: Int
    /// Walks of that length.
    public var walks: Int

    /// Creates a count.
    public init(pages: Int, walks: Int) {
        self.pages = pages
        self.walks = walks
    }
}

/// How many requests got a given answer.
public struct StatusCount: Sendable, Codable, Hashable {
    /// The HTTP status as text, or `transport` when no response arrived.
    public var status: String
    /// Requests.
    public var count: Int

    /// Creates a count.
    public init(status: String, count: Int) {
        self.status = status
        self.count = count
    }
}
