import ConvfuzzOracle
@testable import ConvfuzzReport
import ConvfuzzResults
import Foundation
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    let redactor = Redactor(secrets: [SampleResults.secret])

    /// What a hostile target might put in a body, a message or a parameter name.
    static let hostile = "</pre></td></table><script>document.title='pwned'</script><img src=x onerror=\"alert(1)\"><!-- ' \" &amp;"

    func render(_ result: RunResult) -> String {
        HTMLReport.render(ReportContext(result: result, redactor: redactor))
    }

    func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func pageIsOneSelfContainedDocument() {
        let html = render(SampleResults.result(findings: [SampleResults.reported(SampleResults.finding(.pageSize, parameter: "page_size", message: "31 items"))]))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(occurrences(of: "<html", in: html) == 1 && occurrences(of: "</body>", in: html) == 1)
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        for external in ["<link", "src=\"http", "href=\"http", "@import", "url(", "<iframe", "<object", "<img"] {
            #expect(!html.contains(external), "nothing external: \(external)")
        }
        #expect(occurrences(of: "<script", in: html) == 1, "only our own script")
        #expect(occurrences(of: "<svg", in: html) == occurrences(of: "</svg>", in: html))
        #expect(occurrences(of: "<article", in: html) == occurrences(of: "</article>", in: html))
        #expect(occurrences(of: "<section", in: html) == occurrences(of: "</section>", in: html))
    }

    @Test func everySectionIsPresent() {
        let html = render(SampleResults.result(findings: [SampleResults.reported(SampleResults.finding(.order, parameter: nil, message: "m"))]))
        for id in ["verdict", "settings", "findings", "coverage", "traffic", "timeline", "latency", "walks", "retries"] {
            #expect(html.contains("id=\"\(id)\""), "section \(id)")
        }
        #expect(html.contains("aria-label=\"Requests started per 0.5 seconds, coloured by phase\""))
        #expect(html.contains("aria-label=\"Latency histogram with p50, p95 and p99\""))
        #expect(html.contains("aria-label=\"Histogram of cursor walk lengths in pages\""))
        #expect(html.contains("aria-label=\"Coverage heatmap"))
    }

    @Test func verdictAndSettingsAreShown() {
        let failing = render(SampleResults.result(findings: [SampleResults.reported(SampleResults.finding(.filter, parameter: "x", message: "m"))]))
        #expect(failing.contains("<header class=\"verdict fail\" id=\"verdict\">"))
        #expect(failing.contains("<h1>FAIL: 1 new finding(s) (exit 1)</h1>"))
        let clean = render(SampleResults.result())
        #expect(clean.contains("<header class=\"verdict pass\" id=\"verdict\">"))
        #expect(clean.contains("PASS: no new findings (exit 0)"))
        #expect(clean.contains("No findings."))
        for row in ["<th>seed</th><td>7</td>", "<th>spec revision</th><td>r1</td>", "<th>spec</th><td>list-conversations</td>",
                    "<th>target</th><td>http://127.0.0.1:1/v1/convai/conversations</td>", "<th>max cases</th><td>10</td>",
                    "<th>time budget</th><td>60 s</td>", "<th>concurrency</th><td>4</td>", "<th>rate limit</th><td>5/s</td>",
                    "<th>relations</th><td>8</td>"] {
            #expect(clean.contains(row), "settings row \(row)")
        }
    }

    @Test func findingShowsEvidenceAndCopyableRepro() throws {
        var finding = SampleResults.finding(.pageSize, parameter: "page_size", message: "31 items for page_size=30")
        finding.evidence.append(Evidence(query: "", status: nil, excerpt: "timed out"))
        let html = render(SampleResults.result(findings: [SampleResults.reported(finding)]))
        #expect(html.contains("<tr><td><a href=\"#finding-1\">1</a></td><td><code>CF-PAGE-SIZE</code></td><td>page_size</td><td>new</td><td>2×</td>"))
        #expect(html.contains("<details><summary>1 more response</summary>"))
        #expect(html.contains("<code>(no query)</code> → no response"))
        #expect(html.contains("<code class=\"check\">CF-PAGE-SIZE</code> page larger than the page size"))
        #expect(html.contains("parameter <code class=\"parameter\">page_size</code>"))
        #expect(html.contains("<td class=\"expected\">at most 30 items &lt;&amp;&gt;</td>"))
        #expect(html.contains("<td class=\"observed\">31 items &quot;quoted&quot; and ***</td>"))
        #expect(html.contains("<code>page_size=30&amp;x=%7C</code> → HTTP 200"))
        #expect(html.contains("<pre class=\"excerpt\">{&quot;conversations&quot;:[…]} \u{FFFD}</pre>"), "control characters replaced")
        #expect(html.contains("<button type=\"button\" data-copy=\"repro-1\">Copy</button>"))
        let repro = "<pre class=\"repro\" id=\"repro-1\">curl -sS -g -H &quot;xi-api-key: $ELEVENLABS_API_KEY&quot; &#39;http://127.0.0.1:1/v1/convai/conversations?page_size=30&amp;x=%7C&#39;\n"
        #expect(html.contains(repro))
        #expect(!html.contains(SampleResults.secret))
    }

    @Test func hostileTextCannotOpenTagsOrEndAttributes() {
        var finding = SampleResults.finding(.schema, parameter: Self.hostile, message: Self.hostile)
        finding.observed = Self.hostile
        finding.expected = Self.hostile
        finding.evidence = [Evidence(query: Self.hostile, status: 200, excerpt: Self.hostile)]
        var reported = SampleResults.reported(finding)
        reported.reproduction = [Self.hostile]
        reported.corpusFile = Self.hostile
        let rows = [CoverageRow(parameter: Self.hostile, counts: [Self.hostile: 3])]
        var traffic = SampleResults.traffic
        traffic.phases[0].name = Self.hostile
        traffic.statuses.append(StatusCount(status: Self.hostile, count: 1))
        let html = render(SampleResults.result(findings: [reported], coverageRows: rows,
                                               coverageGaps: ["\(Self.hostile) × \(Self.hostile)x"], traffic: traffic))
        #expect(occurrences(of: "<script", in: html) == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("</pre></td>"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("onerror=\""))
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
        #expect(html.contains("&amp;amp;"), "an entity in the input stays literal text")
        #expect(occurrences(of: "<pre", in: html) == occurrences(of: "</pre>", in: html))
        #expect(occurrences(of: "<table", in: html) == occurrences(of: "</table>", in: html))
        #expect(occurrences(of: "<title>", in: html) == occurrences(of: "</title>", in: html))
    }

    @Test func heatmapMarksEveryGap() {
        let rows = [CoverageRow(parameter: "page_size", counts: ["valid": 40, "boundary-at:max": 3, "type-violation": 2]),
                    CoverageRow(parameter: "search", counts: ["valid": 12])]
        let gaps = ["page_size × enum-violation", "search × type-violation", "user_id × valid"]
        let html = render(SampleResults.result(coverageRows: rows, coverageGaps: gaps))
        #expect(occurrences(of: "class=\"cell gap\"", in: html) == 3)
        #expect(occurrences(of: "class=\"gap-mark\"", in: html) == 3)
        #expect(html.contains("<title>search × type-violation: gap (allowed by the spec, hit by no case)</title>"))
        #expect(html.contains("<title>user_id × valid: gap (allowed by the spec, hit by no case)</title>"))
        #expect(html.contains("<title>page_size × valid: 40 case(s)</title>"))
        #expect(occurrences(of: "class=\"cell hit\"", in: html) == 4)
        // 3 parameters × 4 classes, of which 4 hit and 3 gaps.
        #expect(occurrences(of: "class=\"cell none\"", in: html) == 12 - 4 - 3)
        #expect(html.contains("3 parameters × 4 case classes: 4 cells hit, 3 gap(s)."))
    }

    @Test func heatmapColumnsStartWithValid() {
        let chart = HTMLReport.coverageHeatmap(rows: [CoverageRow(parameter: "a", counts: ["shape": 1, "valid": 2, "enum-violation": 1])],
                                               gaps: ["b × grammar-edge"])
        #expect(chart.columns == ["valid", "enum-violation", "grammar-edge", "shape"])
        #expect(chart.rows == ["a", "b"])
        #expect(chart.cells[1] == [.none, .none, .gap, .none])
    }

    @Test func trafficChartsCarryTheFigures() {
        let html = render(SampleResults.result())
        #expect(html.contains("p50 3.10 ms"))
        #expect(html.contains("p95 9.50 ms"))
        #expect(html.contains("p99 31.0 ms"))
        #expect(occurrences(of: "class=\"marker\"", in: html) == 3)
        #expect(html.contains("<title>0.5–1 s, cases: 30 request(s)</title>"))
        #expect(html.contains("<title>0.5–1 s, walks: 1 request(s)</title>"))
        #expect(html.contains("5 walks, 1 to 4 pages."))
        #expect(html.contains("<title>4: 2</title>"), "one bar per walk length")
        #expect(html.contains("<td class=\"rate-limited\">1</td>"))
        #expect(html.contains("<td class=\"retried\">1</td>"))
        #expect(html.contains("<tr><td>cases</td><td>1.20</td><td>40</td><td>1</td></tr>"))
    }

    @Test func emptyTrafficSaysSo() {
        let html = render(SampleResults.result(traffic: TrafficSummary()))
        #expect(html.contains("No requests were recorded."))
        #expect(html.contains("No response was measured."))
        #expect(html.contains("No cursor walks were run."))
    }

    @Test func escapeHandlesEverySpecialCharacter() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{0}b\u{7}c\u{85}d\u{FFFF}e\tf\n") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\tf\n")
        #expect(HTMLText.escape("é 😀 ✕") == "é 😀 ✕")
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    func hex(_ text: String) -> String {
        SHA256.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func knownVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func reportPolicyAllowsExactlyItsScript() {
        let html = HTMLReport.render(ReportContext(result: SampleResults.result(), redactor: .none))
        #expect(html.contains("script-src '\(HTMLReport.scriptHash)';"))
        #expect(!html.contains("unsafe-inline'; img") && !html.contains("script-src 'unsafe-inline'"))
        #expect(html.contains("<script>\(HTMLReport.script)</script>"))
    }
}

@Suite("Chart helpers")
struct ChartHelperTests {
    @Test func axisScalesUseRoundSteps() {
        let scale = AxisScale(fitting: 287)
        #expect(scale.step == 100 && scale.maximum == 300)
        #expect(scale.ticks == [0, 100, 200, 300])
        #expect(AxisScale(fitting: 0).maximum == 1)
        #expect(AxisScale(fitting: 7).step == 2)
        #expect(AxisScale(fitting: 7).maximum == 8)
    }

    @Test func numbersAreShortAndLocaleFree() {
        #expect(SVGCanvas.number(0.5) == "0.5")
        #expect(SVGCanvas.number(12) == "12")
        #expect(SVGCanvas.number(1.005) == "1" || SVGCanvas.number(1.005) == "1.01")
        #expect(SVGCanvas.number(.nan) == "0")
        #expect(SVGCanvas.number(-2.25) == "-2.25")
    }

    @Test func svgTextAndTitlesAreEscaped() {
        var canvas = SVGCanvas(width: 10, height: 10)
        canvas.text("<b>&", x: 1, y: 2)
        canvas.rect(x: 0, y: 0, width: 1, height: 1, fill: "#000", title: "</title><script>")
        let svg = canvas.render(label: "a\"b", className: "chart")
        #expect(svg.contains(">&lt;b&gt;&amp;</text>"))
        #expect(svg.contains("<title>&lt;/title&gt;&lt;script&gt;</title>"))
        #expect(svg.contains("aria-label=\"a&quot;b\""))
        #expect(!svg.contains("<script"))
    }
}

// MARK: - Over time

@Suite("The run's series over time in the reports")
struct OverTimeReportTests {
    static let series = [
        RunCheckpoint(after: "cases", requests: 612, seconds: 1.2, coverageCells: 180, findings: 0, findingGroups: 0),
        RunCheckpoint(after: "walks", requests: 1_904, seconds: 2.5, coverageCells: 190, findings: 3, findingGroups: 1),
        RunCheckpoint(after: "explore 1", requests: 2_300, seconds: 3.1, coverageCells: 200, findings: 4, findingGroups: 2),
        RunCheckpoint(after: "explore 2", requests: 3_000, seconds: 4.0, coverageCells: 201, findings: 4, findingGroups: 2),
    ]

    static func result() -> RunResult {
        var result = SampleResults.result(coverageRows: [CoverageRow(parameter: "page_size", counts: ["valid": 3, "too-large": 0])])
        result.statistics.overTime = series
        return result
    }

    @Test func spreadKeepsTheLastPointAndNeverRepeats() {
        #expect(RunCheckpoint.spread(Self.series, count: 10) == Self.series)
        let two = RunCheckpoint.spread(Self.series, count: 2)
        #expect(two.map(\.after) == ["cases", "explore 2"])
        #expect(RunCheckpoint.spread([], count: 3).isEmpty)
    }

    @Test func theSummaryShowsOneLineForABudgetedRun() {
        let redactor = Redactor(secrets: [])
        let text = TextSummary.render(ReportContext(result: Self.result(), redactor: redactor))
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("over time") }
        #expect(lines == ["over time (requests · cells of 2 · finding groups): cases 612 · 180 · 0 → walks 1,904 · 190 · 1 → "
                          + "explore 1 2,300 · 200 · 2 → explore 2 3,000 · 201 · 2"])
        var unbudgeted = Self.result()
        unbudgeted.settings.timeBudget = nil
        unbudgeted.settings.rateLimit = nil
        #expect(!TextSummary.render(ReportContext(result: unbudgeted, redactor: redactor)).contains("over time"))
    }

    @Test func theHTMLAndJSONReportsHoldTheSeries() throws {
        let context = ReportContext(result: Self.result(), redactor: Redactor(secrets: []))
        let html = HTMLReport.render(context)
        #expect(html.contains("id=\"over-time\""))
        #expect(html.contains("<td>explore 2</td><td>3000</td><td>4.0</td><td>201</td><td>4</td><td>2</td>"))
        let json = try JSONReport.render(context)
        #expect(json.contains("\"overTime\""))
        #expect(json.contains("\"findingGroups\" : 2") || json.contains("\"findingGroups\": 2"))
        #expect(!HTMLReport.render(ReportContext(result: SampleResults.result(), redactor: Redactor(secrets: []))).contains("id=\"over-time\""))
    }
}
