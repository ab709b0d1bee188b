import ConvfuzzResults
import Foundation

extension HTMLReport {
    // MARK: Traffic

    static func renderTraffic(_ page: inout Page) {
        let traffic = page.context.result.traffic
        page.append("<section id=\"traffic\"><h2>Traffic</h2>")
        renderTimeline(traffic, page: &page)
        renderLatency(traffic.latency, page: &page)
        renderWalkLengths(traffic.walkLengths, page: &page)
        renderRetries(&page)
        page.append("</section>")
    }

    static func renderTimeline(_ traffic: TrafficSummary, page: inout Page) {
        page.append("<h3 id=\"timeline\">Requests over time, by phase</h3>")
        guard !traffic.timeline.buckets.isEmpty else {
            page.append("<p class=\"none\">No requests were recorded.</p>")
            return
        }
        let width = traffic.timeline.bucketSeconds
        let series = traffic.phases.enumerated().map { StackedBarChart.Series(name: $1.name, colour: ChartPalette.colour($0)) }
        let chart = StackedBarChart(
            series: series, bars: traffic.timeline.buckets.map(\.counts),
            barLabels: traffic.timeline.buckets.map { "\(SVGCanvas.number($0.start))s" },
            tooltip: { bar, phase, value in
                let start = traffic.timeline.buckets[bar].start
                return "\(SVGCanvas.number(start))–\(SVGCanvas.number(start + width)) s, \(traffic.phases[phase].name): \(value) request(s)"
            },
            xTitle: "seconds since the run started (\(SVGCanvas.number(width)) s per bar)", yTitle: "requests")
        page.append("<div class=\"chart-wrap\">" + chart.render(label: "Requests started per \(SVGCanvas.number(width)) seconds, coloured by phase") + "</div>")
        page.append("<table class=\"data phases\"><tr><th>phase</th><th>seconds</th><th>requests</th><th>retried</th></tr>")
        for phase in traffic.phases {
            page.append("<tr><td>\(page.text(phase.name))</td><td>\(String(format: "%.2f", phase.seconds))</td><td>\(phase.requests)</td><td>\(phase.retries)</td></tr>")
        }
        page.append("</table>")
    }

    static func renderLatency(_ latency: LatencySummary, page: inout Page) {
        page.append("<h3 id=\"latency\">Latency</h3>")
        guard latency.count > 0, !latency.buckets.isEmpty else {
            page.append("<p class=\"none\">No response was measured.</p>")
            return
        }
        let figures = [("p50", latency.p50Ms), ("p95", latency.p95Ms), ("p99", latency.p99Ms)]
        let bars = latency.buckets.map { bucket in
            HistogramChart.Bar(label: bucket.upperMs.map { "<\(SVGCanvas.number($0))" } ?? "≥\(SVGCanvas.number(bucket.lowerMs))",
                               count: bucket.count)
        }
        let markers = figures.enumerated().map { index, figure in
            HistogramChart.Marker(position: position(of: figure.1, in: latency.buckets),
                                  label: "\(figure.0) \(milliseconds(figure.1)) ms", colour: ChartPalette.markers[index])
        }
        let chart = HistogramChart(bars: bars, markers: markers, xTitle: "latency (ms)", yTitle: "responses")
        page.append("<p class=\"latency-figures\">\(latency.count) responses · mean \(milliseconds(latency.meanMs)) ms · p50 \(milliseconds(latency.p50Ms)) ms · p90 \(milliseconds(latency.p90Ms)) ms · p95 \(milliseconds(latency.p95Ms)) ms · p99 \(milliseconds(latency.p99Ms)) ms · max \(milliseconds(latency.maxMs)) ms</p>")
        page.append("<div class=\"chart-wrap\">" + chart.render(label: "Latency histogram with p50, p95 and p99") + "</div>")
    }

    static func renderWalkLengths(_ lengths: [WalkLengthCount], page: inout Page) {
        page.append("<h3 id=\"walks\">Walk lengths</h3>")
        guard let longest = lengths.map(\.pages).max(), let shortest = lengths.map(\.pages).min() else {
            page.append("<p class=\"none\">No cursor walks were run.</p>")
            return
        }
        let groups = min(40, longest - shortest + 1)
        let span = Int((Double(longest - shortest + 1) / Double(groups)).rounded(.up))
        var bars: [HistogramChart.Bar] = []
        var low = shortest
        while low <= longest {
            let high = low + span - 1
            let count = lengths.filter { (low...high).contains($0.pages) }.reduce(0) { $0 + $1.walks }
            bars.append(HistogramChart.Bar(label: span == 1 ? String(low) : "\(low)–\(high)", count: count))
            low += span
        }
        let walks = lengths.reduce(0) { $0 + $1.walks }
        page.append("<p class=\"muted\">\(walks) walks, \(shortest) to \(longest) pages.</p>")
        page.append("<div class=\"chart-wrap\">" + HistogramChart(bars: bars, xTitle: "pages per walk", yTitle: "walks")
            .render(label: "Histogram of cursor walk lengths in pages") + "</div>")
    }

    static func renderRetries(_ page: inout Page) {
        let result = page.context.result
        let traffic = result.traffic
        page.append("<h3 id=\"retries\">Retries and rate limiting</h3>")
        page.append("<table class=\"kv retries\">")
        page.append("<tr><th>retried requests</th><td class=\"retried\">\(result.statistics.retries)</td></tr>")
        page.append("<tr><th>429 Too Many Requests</th><td class=\"rate-limited\">\(traffic.rateLimited)</td></tr>")
        page.append("<tr><th>503 Service Unavailable</th><td>\(traffic.count(status: "503"))</td></tr>")
        page.append("<tr><th>no response (transport)</th><td>\(traffic.count(status: "transport"))</td></tr>")
        page.append("</table>")
        guard !traffic.statuses.isEmpty else { return }
        page.append("<table class=\"data statuses\"><tr><th>status</th><th>responses</th></tr>")
        for status in traffic.statuses {
            page.append("<tr><td>\(page.text(status.status))</td><td>\(status.count)</td></tr>")
        }
        page.append("</table>")
    }

    // MARK: Helpers

    /// Milliseconds with three significant digits at most.
    static func milliseconds(_ value: Double) -> String {
        if value >= 100 { return String(Int(value.rounded())) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }

    /// Where `value` falls along the buckets, in bucket widths from the left edge (linear inside a bucket).
    static func position(of value: Double, in buckets: [LatencyBucket]) -> Double {
        for (index, bucket) in buckets.enumerated() {
            guard let upper = bucket.upperMs else { return Double(index) + 0.5 }
            if value < upper {
                let fraction = upper > bucket.lowerMs ? (value - bucket.lowerMs) / (upper - bucket.lowerMs) : 0
                return Double(index) + min(1, max(0, fraction))
            }
        }
        return Double(buckets.count)
    }
}
