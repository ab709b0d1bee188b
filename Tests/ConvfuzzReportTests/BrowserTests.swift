import ConvfuzzOracle
@testable import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzTestSupport
import Foundation
import Testing

/// The HTML report in a real browser: headless Chromium renders a report with findings
/// (built from fixture results, no network) to a PNG and to a DOM dump.
///
/// Controls first prove the checks can fail here: a page with a script error must show console
/// lines, and a blank page must decode to a single colour.
@Suite("HTML report in a browser", .serialized, .ownThreads)
struct BrowserTests {
    static let missing = "chromium is not installed: `make test-deps` installs Debian's chromium (apt-get install chromium)"

    /// Markup that would run if any run text reached the page unescaped.
    static let payload = "<script>document.documentElement.setAttribute('data-pwned','script')</script>"
        + "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
        + "<svg onload=\"document.documentElement.setAttribute('data-pwned','svg')\"></svg>"

    /// Clicks every copy button once the page has loaded and counts the buttons that reacted.
    static let clicker = """

    (function () {
      var buttons = document.querySelectorAll("button[data-copy]");
      Array.prototype.forEach.call(buttons, function (button) { button.click(); });
      setTimeout(function () {
        var reacted = Array.prototype.filter.call(buttons, function (b) {
          return b.textContent === "Copied" || b.textContent === "Select and copy";
        }).length;
        document.documentElement.setAttribute("data-copy-reacted", String(reacted));
      }, 300);
    })();

    """

    /// The report with a test script added (and allowed by the page's policy, by its hash).
    static func withScript(_ html: String, _ script: String) -> String {
        let hash = "sha256-" + Data(SHA256.digest(Array(script.utf8))).base64EncodedString()
        return html
            .replacingOccurrences(of: "script-src '\(HTMLReport.scriptHash)'", with: "script-src '\(HTMLReport.scriptHash)' '\(hash)'")
            .replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>")
    }

    static func reportResult() -> RunResult {
        var hostile = SampleResults.finding(.schema, parameter: "rating", message: "rating is a string " + payload)
        hostile.observed = payload
        hostile.evidence = [Evidence(query: "rating=1", status: 200, excerpt: "{\"conversations\":[{\"rating\":\"" + payload + "\"}]}")]
        let findings = [
            SampleResults.reported(SampleResults.finding(.pageSize, parameter: "page_size", message: "the page holds 31 items")),
            SampleResults.reported(hostile),
            SampleResults.reported(SampleResults.finding(.walkDup, parameter: nil, message: "id twice"), status: .flaky),
        ]
        let rows = [CoverageRow(parameter: "page_size", counts: ["valid": 40, "boundary-at:max": 3, "type-violation": 2]),
                    CoverageRow(parameter: "search", counts: ["valid": 12, "shape": 4])]
        return SampleResults.result(findings: findings, coverageRows: rows,
                                    coverageGaps: ["page_size × enum-violation", "search × type-violation"])
    }

    func write(_ html: String, name: String, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent(name)
        try html.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func reportRendersWithoutConsoleErrorsAndIsNotBlank() throws {
        let chromium = try #require(HeadlessChromium.locate(), Comment(rawValue: Self.missing))
        let directory = URL(fileURLWithPath: TestPaths.temporaryFile("convfuzz-browser"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // Controls: the console check sees a script error; the blankness check sees a blank page.
        let broken = try write("<!DOCTYPE html><html><body><p>x</p><script>notDefined();</script></body></html>",
                               name: "broken.html", in: directory)
        let brokenRun = try chromium.dumpDOM(broken)
        #expect(brokenRun.consoleLines.contains { $0.contains("notDefined is not defined") },
                "the console check must see a script error: \(brokenRun.stderr.suffix(800))")
        let blank = try write("<!DOCTYPE html><html><body style=\"background:#f6f7f9\"></body></html>", name: "blank.html", in: directory)
        let blankShot = try chromium.screenshot(blank, width: 640, height: 400)
        #expect(blankShot.image.width == 640 && blankShot.image.height == 400)
        #expect(blankShot.image.histogram.count == 1, "a blank page decodes to one colour")

        let context = ReportContext(result: Self.reportResult(), redactor: Redactor(secrets: [SampleResults.secret]))
        let html = HTMLReport.render(context)
        #expect(!html.contains(SampleResults.secret))
        let report = try write(html, name: "report.html", in: directory)

        // The screenshot (tall enough for the whole page): many colours, mostly not background,
        // the failing verdict, the heatmap's gap marks and the chart bars drawn.
        let (image, shotRun) = try chromium.screenshot(report, width: 1280, height: 5600)
        #expect(shotRun.consoleLines.isEmpty, "console: \(shotRun.consoleLines)")
        #expect(image.width == 1280 && image.height == 5600)
        let histogram = image.histogram
        let background = histogram.max { $0.value < $1.value }!
        #expect(histogram.count > 100, "distinct colours: \(histogram.count)")
        #expect(Double(background.value) / Double(image.pixels.count) < 0.95, "background covers \(background.value) pixels")
        #expect((histogram[0xB42318] ?? 0) > 1_000 * 40, "the red verdict banner is drawn")
        #expect((histogram[0x0072B2] ?? 0) > 2_000, "chart bars are drawn")
        #expect((histogram[0xD55E00] ?? 0) > 50, "heatmap gaps are marked")

        // The DOM after load: our script ran to its end, the copy buttons react, nothing injected ran.
        let clickable = try write(Self.withScript(html, Self.clicker), name: "report-click.html", in: directory)
        let domRun = try chromium.dumpDOM(clickable)
        #expect(domRun.status == 0)
        #expect(domRun.consoleLines.isEmpty, "console: \(domRun.consoleLines)")
        let root = try #require(domRun.stdout.firstRange(of: "<html").map { start in
            domRun.stdout[start.lowerBound...].prefix { $0 != ">" }
        }, "a DOM was dumped: \(domRun.stdout.prefix(300))")
        #expect(root.contains("data-report-ready=\"3\""), "the report's script ran: \(root)")
        #expect(root.contains("data-copy-reacted=\"3\""), "every copy button reacted: \(root)")
        #expect(!root.contains("data-pwned"), "no injected markup ran: \(root)")
        #expect(domRun.stdout.contains("&lt;script&gt;document.documentElement.setAttribute('data-pwned','script')&lt;/script&gt;"))
    }

    @Test func policyRefusesMarkupThatEscapedEscaping() throws {
        let chromium = try #require(HeadlessChromium.locate(), Comment(rawValue: Self.missing))
        let directory = URL(fileURLWithPath: TestPaths.temporaryFile("convfuzz-browser"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Simulate an escaping bug: the payload pasted raw into the page.
        let html = HTMLReport.render(ReportContext(result: Self.reportResult(), redactor: Redactor.none))
            .replacingOccurrences(of: "<h2>Run</h2>", with: "<h2>Run</h2>" + Self.payload)
        let run = try chromium.dumpDOM(try write(html, name: "raw.html", in: directory))
        let root = try #require(run.stdout.firstRange(of: "<html").map { run.stdout[$0.lowerBound...].prefix { $0 != ">" } })
        #expect(!root.contains("data-pwned"), "the policy refused the injected script and handlers: \(root)")
        #expect(root.contains("data-report-ready=\"3\""), "our own script still ran: \(root)")
        #expect(run.consoleLines.contains { $0.contains("Content Security Policy") }, "the refusal is logged: \(run.consoleLines)")
    }

    /// Measures the page at its frame's width and posts the figures to the parent page: how wide the
    /// document is, the first element that passes the right edge outside a scrolling frame, and the
    /// narrowest chart. (Headless Chromium's window is at least 500 px wide, so the page is framed.)
    static let phoneProbe = """

    (function () {
      var root = document.documentElement;
      var width = window.innerWidth;
      var worst = "";
      Array.prototype.forEach.call(document.querySelectorAll("body *"), function (element) {
        var box = element.getBoundingClientRect();
        var inScroller = element.parentElement && element.parentElement.closest(".chart-wrap, table.data.phases, table.data.statuses, table.data.corpus");
        if (!inScroller && box.right > width + 1 && worst === "") { worst = element.tagName + "." + element.className + " " + Math.round(box.right); }
      });
      var charts = Array.prototype.map.call(document.querySelectorAll("svg.chart"), function (svg) {
        return Math.round(svg.getBoundingClientRect().width);
      });
      var narrowest = charts.length ? Math.min.apply(null, charts) : -1;
      var widest = "";
      var far = 0;
      Array.prototype.forEach.call(document.querySelectorAll("body *"), function (element) {
        if (element.parentElement && element.parentElement.closest("svg")) { return; }
        var right = element.getBoundingClientRect().right;
        if (right > far) { far = right; widest = element.tagName + "." + element.className + " " + Math.round(right); }
      });
      worst = worst || (root.scrollWidth > width ? "widest " + widest : "");
      parent.postMessage("inner=" + width + ";scroll=" + root.scrollWidth + ";narrowest=" + narrowest + ";overflowing=" + worst, "*");
    })();

    """

    /// A page framing `file` at 390 × 800 px and keeping what the frame posts in `data-phone`.
    static func phoneFrame(_ file: String) -> String {
        "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"\(file)\" width=\"390\" height=\"800\" style=\"border:0\"></iframe>"
            + "<script>window.addEventListener(\"message\", function (e) { document.documentElement.setAttribute(\"data-phone\", String(e.data)); });</script></body></html>"
    }

    /// The figures a framed page posted.
    static func phoneFigures(_ dom: String) -> [String: String] {
        guard let value = dom.components(separatedBy: "data-phone=\"").dropFirst().first?.prefix(while: { $0 != "\"" }) else { return [:] }
        var out: [String: String] = [:]
        for part in value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        return out
    }

    /// At a phone's width (390 px) the page never scrolls sideways: the findings table stacks, long
    /// text wraps, and charts keep a readable size inside frames of their own that scroll.
    @Test func reportNeverScrollsSidewaysAtPhoneWidth() throws {
        let chromium = try #require(HeadlessChromium.locate(), Comment(rawValue: Self.missing))
        let directory = URL(fileURLWithPath: TestPaths.temporaryFile("convfuzz-phone"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = HTMLReport.render(ReportContext(result: Self.reportResult(), redactor: .none))

        // Control: a page with a wide element is seen to overflow.
        let wide = "<!DOCTYPE html><html><body><div style=\"width:900px\">wide</div></body></html>"
        _ = try write(Self.withScript(wide, Self.phoneProbe), name: "wide.html", in: directory)
        let control = Self.phoneFigures(try chromium.dumpDOM(try write(Self.phoneFrame("wide.html"), name: "wide-frame.html", in: directory)).stdout)
        #expect(control["inner"] == "390" && (Int(control["scroll"] ?? "") ?? 0) >= 900, "the probe must see a wide page: \(control)")

        _ = try write(Self.withScript(html, Self.phoneProbe), name: "phone.html", in: directory)
        let run = try chromium.dumpDOM(try write(Self.phoneFrame("phone.html"), name: "phone-frame.html", in: directory))
        let figures = Self.phoneFigures(run.stdout)
        #expect(figures["inner"] == "390", "\(figures) \(run.stderr.suffix(400))")
        #expect(figures["scroll"] == "390", "the page scrolls sideways at 390 px: \(figures)")
        #expect(figures["overflowing"] == "", "an element passes the right edge: \(figures)")
        let narrowest = try #require(Int(figures["narrowest"] ?? ""), "\(figures)")
        #expect(narrowest >= 320, "a chart shrank to \(narrowest) px at phone width")
    }
}
