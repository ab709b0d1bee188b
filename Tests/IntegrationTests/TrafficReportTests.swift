import ConvfuzzOracle
import ConvfuzzReferenceServer
import ConvfuzzReport
import ConvfuzzRunner
import Foundation
import Testing

/// The traffic figures of a real run against the reference server agree with the run's own counts,
/// and the HTML report shows them.
@Suite("Traffic of a run")
struct TrafficReportTests {
    @Test func trafficAgreesWithTheRunAndReachesTheReports() async throws {
        let result = try await Harness.run(fault: .pageSizePlusOne) { configuration in
            configuration.maxCases = 120
            configuration.walkSample = 2
            configuration.relationBudget = 4
        }
        let traffic = result.traffic
        #expect(!result.gatingFindings.isEmpty, Comment(rawValue: Harness.describe(result)))
        #expect(traffic.requests == result.statistics.requests)
        #expect(traffic.retries == result.statistics.retries)
        #expect(traffic.statuses.reduce(0) { $0 + $1.count } == result.statistics.requests)
        #expect(traffic.latency.count == result.statistics.requests - traffic.count(status: "transport"))
        #expect(traffic.timeline.buckets.reduce(0) { $0 + $1.total } == result.statistics.requests)
        let names = traffic.phases.map(\.name)
        for phase in ["preflight", "discovery", "cases", "walks", "confirming"] {
            #expect(names.contains(phase), "phase \(phase) in \(names)")
        }
        #expect(traffic.phases.first { $0.name == "cases" }?.requests ?? 0 >= 120)
        let phaseSeconds = traffic.phases.reduce(0) { $0 + $1.seconds }
        #expect(phaseSeconds > 0 && phaseSeconds <= result.statistics.seconds + 0.5)
        #expect(traffic.walkLengths.reduce(0) { $0 + $1.walks } >= result.statistics.walks)
        #expect(traffic.latency.p50Ms > 0 && traffic.latency.p50Ms <= traffic.latency.p95Ms
                && traffic.latency.p95Ms <= traffic.latency.p99Ms && traffic.latency.p99Ms <= traffic.latency.maxMs + 0.01)

        let context = ReportContext(result: result, redactor: .none)
        let html = HTMLReport.render(context)
        #expect(html.contains("<code class=\"check\">CF-PAGE-SIZE</code>"))
        #expect(html.contains("<tr><td>cases</td>"))
        let junit = JUnitReport.render(context)
        let times = junit.matches(of: try Regex(#"<testcase [^>]*time="([0-9.]+)""#)).compactMap { Double($0.output[1].substring ?? "") }
        #expect(times.count >= CheckID.allCases.count)
        #expect(times.reduce(0, +) > 0, "test cases carry measured times")
    }
}
