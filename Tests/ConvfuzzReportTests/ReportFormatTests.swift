import ConvfuzzOracle
import ConvfuzzReport
import ConvfuzzRunner
import Foundation
import Testing

@Suite("Report formats")
struct ReportFormatTests {
    let redactor = Redactor(secrets: [SampleResults.secret])

    func context(_ result: RunResult) -> ReportContext { ReportContext(result: result, redactor: redactor) }

    @Test func summaryShowsVerdictFindingsAndRepro() {
        let finding = SampleResults.reported(SampleResults.finding(.pageSize, parameter: "page_size", message: "31 items for page_size=30"))
        let text = TextSummary.render(context(SampleResults.result(findings: [finding])))
        #expect(text.contains("FAIL: 1 new finding(s) (exit 1)"))
        #expect(text.contains("[CF-PAGE-SIZE] page_size: 31 items for page_size=30"))
        #expect(text.contains("curl -sS -g -H \"xi-api-key: $ELEVENLABS_API_KEY\" 'http://127.0.0.1:1/v1/convai/conversations?page_size=30&x=%7C'"))
        #expect(text.contains("'\\''"), "single quotes in URLs are shell-escaped")
        #expect(text.contains("9 → 1 query pairs"))
        #expect(text.contains("replay:   convfuzz replay corpus/x.json"))
        #expect(!text.contains(SampleResults.secret))
    }

    @Test func theVerdictStatesTheExitCodeOfAnInterruptedRun() {
        var result = SampleResults.result(findings: [SampleResults.reported(
            SampleResults.finding(.pageSize, parameter: "page_size", message: "31 items"), status: .unconfirmed)])
        result.statistics.interruptedBy = "SIGTERM"
        #expect(result.exitCode == 143)
        let text = TextSummary.render(context(result))
        #expect(text.hasSuffix("INTERRUPTED by SIGTERM: 1 finding(s) so far, 1 unconfirmed (exit 143)\n"))
        let failing = SampleResults.result(corpus: [CorpusReplayOutcome(file: "corpus/a.json", check: "CF-X", stillFails: true,
                                                                         regenerationAgrees: nil, detail: "still fails")])
        #expect(failing.exitCode == 1)
        #expect(TextSummary.render(context(failing)).contains("(exit 1)"), "the verdict and the exit code agree")
    }

    @Test func cleanSummaryPasses() {
        let text = TextSummary.render(context(SampleResults.result()))
        #expect(text.contains("No findings."))
        #expect(text.contains("PASS: no new findings (exit 0)"))
    }

    @Test func baselineAndFlakyFindingsDoNotGate() {
        let base = SampleResults.reported(SampleResults.finding(.order, parameter: nil, message: "m"), status: .baseline)
        let flaky = SampleResults.reported(SampleResults.finding(.filter, parameter: "x", message: "m"), status: .flaky)
        let result = SampleResults.result(findings: [base, flaky])
        #expect(result.exitCode == 0)
        #expect(TextSummary.render(context(result)).contains("PASS"))
    }

    @Test func jsonReportIsValidJSONWithoutTheKey() throws {
        let finding = SampleResults.reported(SampleResults.finding(.filter, parameter: "rating_min", message: "rating 2 below 3"))
        let text = try JSONReport.render(context(SampleResults.result(findings: [finding])))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["exitCode"] as? Int == 1)
        #expect(!text.contains(SampleResults.secret))
        #expect(text.contains("CF-FILTER"))
    }

    @Test func markdownEscapesPipesAndShowsRepro() {
        let finding = SampleResults.reported(SampleResults.finding(.filter, parameter: "tag_ids", message: "a|b"))
        let text = MarkdownReport.render(context(SampleResults.result(findings: [finding])))
        #expect(text.contains("a\\|b"))
        #expect(text.contains("```sh"))
        #expect(text.hasPrefix("## convfuzz: ❌ 1 new finding(s)"))
        #expect(!text.contains(SampleResults.secret))
    }

    @Test func junitHasOneCasePerCheckAndFailuresWithRepro() {
        let finding = SampleResults.reported(SampleResults.finding(.walkDup, parameter: nil, message: "id twice"))
        let corpus = CorpusReplayOutcome(file: "corpus/a.json", check: "CF-ORDER", stillFails: true, regenerationAgrees: true, detail: "still")
        let xml = JUnitReport.render(context(SampleResults.result(findings: [finding], corpus: [corpus])))
        #expect(xml.contains("tests=\"\(CheckID.allCases.count + 1)\""))
        #expect(xml.contains("failures=\"2\""))
        #expect(xml.contains("<failure message=\"id twice\" type=\"CF-WALK-DUP\">"))
        #expect(xml.contains("&lt;&amp;&gt;"))
        #expect(!xml.contains("\u{1}"))
        #expect(!xml.contains(SampleResults.secret))
    }

    @Test func junitValidatesAgainstTheSchema() throws {
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(xmllint != nil, "xmllint is installed by `make test` (libxml2-utils)")
        let finding = SampleResults.reported(SampleResults.finding(.schema, parameter: "rating", message: "rating is a string"))
        let clean = JUnitReport.render(context(SampleResults.result()))
        let failing = JUnitReport.render(context(SampleResults.result(findings: [finding])))
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/junit.xsd").path
        for xml in [clean, failing] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml")
            try xml.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint!)
            process.arguments = ["--noout", "--schema", schema, file.path]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(output)")
        }
    }

    @Test func redactorHidesPlainAndEncodedSecrets() {
        let redactor = Redactor(secrets: ["a b+c", nil, ""])
        #expect(redactor.redact("x a b+c y a%20b%2Bc z") == "x *** y *** z")
        #expect(Redactor.none.redact("keep") == "keep")
    }

    @Test func curlQuotesForTheShell() {
        #expect(CurlCommand.render(url: "http://h/p?a='b'", authHeader: nil, apiKeyEnv: "K") == "curl -sS -g 'http://h/p?a='\\''b'\\'''")
    }
}
