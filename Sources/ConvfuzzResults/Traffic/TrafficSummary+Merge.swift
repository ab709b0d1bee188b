extension TrafficSummary {
    /// One summary of several runs side by side (the shards of one run, say): each run's timeline
    /// counts from its own start; phases, statuses, walk lengths and latency buckets add up; the
    /// latency percentiles come from the runs' percentile ladders weighted by their counts.
    public static func merged(_ summaries: [TrafficSummary]) -> TrafficSummary {
        guard summaries.count > 1 else { return summaries.first ?? TrafficSummary() }
        var phases: [PhaseTraffic] = []
        for summary in summaries {
            for phase in summary.phases {
                if let index = phases.firstIndex(where: { $0.name == phase.name }) {
                    phases[index].seconds += phase.seconds
                    phases[index].requests += phase.requests
                    phases[index].retries += phase.retries
                } else {
                    phases.append(phase)
                }
            }
        }
        let names = phases.map(\.name)
        return TrafficSummary(phases: phases, timeline: mergedTimeline(summaries, phases: names),
                              latency: LatencySummary.merged(summaries.map(\.latency)),
                              walkLengths: summed(summaries.flatMap(\.walkLengths).map { ($0.pages, $0.walks) })
                                  .map { WalkLengthCount(pages: $0.key, walks: $0.count) },
                              statuses: mergedStatuses(summaries))
    }

    private static func mergedTimeline(_ summaries: [TrafficSummary], phases: [String]) -> RequestTimeline {
        let timelines = summaries.map(\.timeline).filter { !$0.buckets.isEmpty }
        guard var width = timelines.map(\.bucketSeconds).max(), width > 0 else { return RequestTimeline() }
        var counts: [Int: [Int]] = [:]
        for (summary, timeline) in zip(summaries, summaries.map(\.timeline)) {
            for bucket in timeline.buckets {
                let index = Int((bucket.start / width + 1e-9).rounded(.down))
                var row = counts[index] ?? Array(repeating: 0, count: phases.count)
                for (phase, count) in zip(summary.phases, bucket.counts) {
                    if let position = phases.firstIndex(of: phase.name) { row[position] += count }
                }
                counts[index] = row
            }
        }
        var last = counts.keys.max() ?? 0
        while last + 1 > 60 {
            var coarser: [Int: [Int]] = [:]
            for (index, row) in counts {
                var merged = coarser[index / 2] ?? Array(repeating: 0, count: phases.count)
                for position in row.indices { merged[position] += row[position] }
                coarser[index / 2] = merged
            }
            counts = coarser
            width *= 2
            last = counts.keys.max() ?? 0
        }
        let buckets = (0...last).map { index in
            TimelineBucket(start: Double(index) * width, counts: counts[index] ?? Array(repeating: 0, count: phases.count))
        }
        return RequestTimeline(bucketSeconds: width, buckets: buckets)
    }

    private static func mergedStatuses(_ summaries: [TrafficSummary]) -> [StatusCount] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for status in summaries.flatMap(\.statuses) {
            if counts[status.status] == nil { order.append(status.status) }
            counts[status.status, default: 0] += status.count
        }
        let numeric = order.compactMap(Int.init).sorted().map(String.init)
        let other = order.filter { Int($0) == nil }.sorted()
        return (numeric + other).map { StatusCount(status: $0, count: counts[$0]!) }
    }

    private static func summed(_ pairs: [(Int, Int)]) -> [(key: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for (key, count) in pairs { counts[key, default: 0] += count }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }
}

extension LatencySummary {
    /// Several latency summaries as one: counts, buckets and the mean add up exactly, the maximum
    /// is the largest, and percentiles invert the count-weighted mix of the runs' ladders
    /// (linear between whole percentiles).
    public static func merged(_ summaries: [LatencySummary]) -> LatencySummary {
        let measured = summaries.filter { $0.count > 0 && $0.percentileLadderMs.count == 101 }
        guard measured.count > 1 else { return measured.first ?? LatencySummary() }
        let total = measured.reduce(0) { $0 + $1.count }
        var buckets: [LatencyBucket] = []
        for bucket in measured.flatMap(\.buckets) {
            if let index = buckets.firstIndex(where: { $0.lowerMs == bucket.lowerMs && $0.upperMs == bucket.upperMs }) {
                buckets[index].count += bucket.count
            } else {
                buckets.append(bucket)
            }
        }
        buckets.sort { $0.lowerMs < $1.lowerMs }
        let low = measured.map { $0.percentileLadderMs[0] }.min()!
        let high = measured.map { $0.percentileLadderMs[100] }.max()!
        func fraction(below value: Double) -> Double {
            measured.reduce(0) { $0 + Double($1.count) * $1.ladderFraction(atOrBelow: value) } / Double(total)
        }
        func quantile(_ percentile: Double) -> Double {
            var (lower, upper) = (low, high)
            for _ in 0..<64 {
                let middle = (lower + upper) / 2
                if fraction(below: middle) < percentile / 100 { lower = middle } else { upper = middle }
            }
            return upper
        }
        let mean = measured.reduce(0) { $0 + $1.meanMs * Double($1.count) } / Double(total)
        return LatencySummary(count: total, meanMs: mean, p50Ms: quantile(50), p90Ms: quantile(90), p95Ms: quantile(95),
                              p99Ms: quantile(99), maxMs: measured.map(\.maxMs).max()!, buckets: buckets,
                              percentileLadderMs: (0...100).map { quantile(Double($0)) })
    }

    /// The share of this run's requests at or below `value`, read off its ladder.
    func ladderFraction(atOrBelow value: Double) -> Double {
        let ladder = percentileLadderMs
        if value < ladder[0] { return 0 }
        if value >= ladder[100] { return 1 }
        var step = 0
        while step < 99 && ladder[step + 1] <= value { step += 1 }
        let span = ladder[step + 1] - ladder[step]
        let within = span > 0 ? (value - ladder[step]) / span : 1
        return (Double(step) + min(1, max(0, within))) / 100
    }
}
