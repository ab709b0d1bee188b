import ConvfuzzOracle
import ConvfuzzReport
import ConvfuzzResults
import ConvfuzzTestSupport
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

    @Test func theSizeLaddersAreOneLineOfFactsInTheSummaryAndAKeyOfTheJSON() throws {
        var result = SampleResults.result()
        #expect(!TextSummary.render(context(result)).contains("size ladder"), "no ladder sent, no line")
        var search = SizeLadderOutcome(parameter: "search")
        for (answer, bytes) in [("200", 550), ("200", 1_062), ("200", 2_086), ("500", 4_134), ("414", 8_230)] {
            search.add(answer: answer, requestBytes: bytes)
        }
        search.stopped = true
        var tags = SizeLadderOutcome(parameter: "tag_ids")
        var agents = SizeLadderOutcome(parameter: "agent_id")
        for bytes in [551, 32_807] { tags.add(answer: "200", requestBytes: bytes) }
        for bytes in [552, 32_810] { agents.add(answer: "200", requestBytes: bytes) }
        #expect(search.steps == 5)
        #expect(search.spans == [SizeLadderOutcome.Span(answer: "200", fromBytes: 550, toBytes: 2_086),
                                 SizeLadderOutcome.Span(answer: "500", fromBytes: 4_134, toBytes: 4_134),
                                 SizeLadderOutcome.Span(answer: "414", fromBytes: 8_230, toBytes: 8_230)])
        result.sizeLadders = [agents, search, tags]
        let line = "size ladder (request bytes): search 200 up to 2,086 bytes, 500 from 4,134, 414 from 8,230 (stopped); "
            + "agent_id, tag_ids 200 at every step (up to 32,807–32,810 bytes)"
        #expect(SizeLadderOutcome.summaryLine(result.sizeLadders ?? []) == line)
        #expect(TextSummary.render(context(result)).contains(line + "\n"))
        let json = try JSONReport.render(context(result))
        #expect(json.contains(#""sizeLadders""#) && json.contains(#""fromBytes""#) && json.contains("4134"))
        #expect(try JSONReport.render(context(result)) == json, "deterministic")
        // A ladder whose first answer was already a refusal says so from its first step.
        var refused = SizeLadderOutcome(parameter: "user_id")
        refused.add(answer: "no answer (reset)", requestBytes: 551)
        refused.stopped = true
        #expect(SizeLadderOutcome.summaryLine([refused]) == "size ladder (request bytes): user_id no answer (reset) from 551 bytes (stopped)")
        // Ladders that changed alike share a part; the changed ones come before the steady ones.
        var branches = SizeLadderOutcome(parameter: "branch_id")
        for (answer, bytes) in [("200", 16_415), ("414", 32_795)] { branches.add(answer: answer, requestBytes: bytes) }
        var users = SizeLadderOutcome(parameter: "user_id")
        for (answer, bytes) in [("200", 16_417), ("414", 32_801)] { users.add(answer: answer, requestBytes: bytes) }
        #expect(SizeLadderOutcome.summaryLine([agents, branches, users]) == "size ladder (request bytes): "
                + "branch_id, user_id 200 up to 16,415–16,417 bytes, 414 from 32,795–32,801; agent_id 200 at every step (up to 32,810 bytes)")
    }

    @Test func walksCutByTheMemoryBoundAreSaidInTheSummary() {
        var result = SampleResults.result()
        #expect(!TextSummary.render(context(result)).contains("memory bound"))
        result.statistics.walksCutByMemory = 3
        let text = TextSummary.render(context(result))
        #expect(text.contains("memory bound: 3 walk(s) stopped at the held-page bound before their end"))
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

    @Test func flakyFindingsAreOneLinePerCheckUnlessVerbose() {
        let new = SampleResults.reported(SampleResults.finding(.pageSize, parameter: "page_size", message: "gating one"))
        let flaky = (0..<3).map { SampleResults.reported(SampleResults.finding(.walkCompleteness, parameter: "p\($0)", message: "flaky \($0)"), status: .flaky) }
            + [SampleResults.reported(SampleResults.finding(.walkDup, parameter: nil, message: "flaky dup"), status: .flaky)]
        let result = SampleResults.result(findings: [flaky[0], new] + flaky.dropFirst())
        let text = TextSummary.render(context(result))
        #expect(text.contains("1. [CF-PAGE-SIZE] page_size: gating one"))
        #expect(!text.contains("flaky 0") && !text.contains("flaky dup"))
        #expect(text.contains("Flaky (did not reproduce on a re-run; not gating): 4, by check (--verbose lists each):"))
        #expect(text.contains("  CF-WALK-DUP: 1\n  CF-WALK-COMPLETENESS: 3\n"))
        #expect(text.contains("Findings: 1 new, 0 baseline, 4 flaky"))
        let verbose = TextSummary.render(ReportContext(result: result, redactor: redactor, verbose: true))
        #expect(verbose.contains("[CF-WALK-COMPLETENESS] p2: flaky 2") && verbose.contains("1. [CF-WALK-DUP]"),
                "verbose lists the flaky findings too, grouped: the dup heads the walk group its completeness findings join")
        #expect(!verbose.contains("by check"))
        let markdown = MarkdownReport.render(context(result))
        #expect(markdown.contains("| `CF-WALK-COMPLETENESS` | 3 |") && markdown.contains("| `CF-WALK-DUP` | 1 |"))
        #expect(markdown.contains("| 1 | `CF-PAGE-SIZE` |") && !markdown.contains("flaky 1"))
        #expect(MarkdownReport.render(ReportContext(result: result, redactor: redactor, verbose: true)).contains("flaky 1"))
        let onlyFlaky = TextSummary.render(context(SampleResults.result(findings: Array(flaky))))
        #expect(onlyFlaky.contains("PASS") && onlyFlaky.contains("CF-WALK-COMPLETENESS: 3"))
    }

    @Test func jsonReportIsValidJSONWithoutTheKey() throws {
        let finding = SampleResults.reported(SampleResults.finding(.filter, parameter: "rating_min", message: "rating 2 below 3"))
        let text = try JSONReport.render(context(SampleResults.result(findings: [finding])))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["exitCode"] as? Int == 1)
        #expect(!text.contains(SampleResults.secret))
        #expect(text.contains("CF-FILTER"))
    }

    @Test func jsonReportCarriesTrafficAndSettingsInAFixedOrder() throws {
        let result = SampleResults.result()
        let text = try JSONReport.render(context(result))
        #expect(try JSONReport.render(context(result)) == text, "the same result renders byte for byte the same")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let traffic = try #require((object["result"] as? [String: Any])?["traffic"] as? [String: Any])
        #expect((traffic["phases"] as? [[String: Any]])?.map { $0["name"] as? String } == ["preflight", "cases", "walks"])
        #expect((traffic["latency"] as? [String: Any])?["p99Ms"] as? Double == 31)
        #expect((traffic["walkLengths"] as? [Any])?.count == 2)
        #expect(((object["result"] as? [String: Any])?["settings"] as? [String: Any])?["concurrency"] as? Int == 4)
        let keys = ["\"latency\"", "\"phases\"", "\"statuses\"", "\"timeline\"", "\"walkLengths\""].map { text.range(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil } && keys.map { $0! } == keys.map { $0! }.sorted(), "keys sorted")
        let decoded = try JSONDecoder().decode(RunResult.self,
                                               from: JSONSerialization.data(withJSONObject: try #require(object["result"])))
        #expect(decoded.traffic == result.traffic && decoded.settings == result.settings)
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

    @Test func junitCasesCarryMeasuredPhaseTimes() throws {
        let finding = SampleResults.reported(SampleResults.finding(.walkDup, parameter: nil, message: "id twice"))
        let corpus = CorpusReplayOutcome(file: "corpus/a.json", check: "CF-ORDER", stillFails: false, regenerationAgrees: true, detail: "ok")
        var traffic = SampleResults.traffic
        traffic.phases.append(PhaseTraffic(name: "corpus", seconds: 0.3, requests: 1, retries: 0, categories: ["status"]))
        let xml = JUnitReport.render(context(SampleResults.result(findings: [finding], corpus: [corpus], traffic: traffic)))
        let pattern = try Regex(#"<testcase name="([^"]+)" classname="[^"]+" time="([0-9.]+)""#)
        var times: [String: Double] = [:]
        for match in xml.matches(of: pattern) {
            times[String(match.output[1].substring ?? "")] = Double(match.output[2].substring ?? "")
        }
        #expect(times.count == CheckID.allCases.count + 1)
        // walks (0.1 s) judge the 7 walk checks; preflight (0.2 s) the status, body and transport checks;
        // cases (1.2 s) the checks of their categories (the media-type and retry-rate checks joined the
        // body, error and transport categories); the corpus phase (0.3 s) its one entry.
        #expect(times["CF-WALK-DUP"] == 0.014)
        #expect(times["CF-STATUS-5XX"] == 0.09)
        #expect(times["CF-SCHEMA"] == 0.057)
        #expect(times["CF-META-AND"] == 0)
        #expect(times["corpus corpus/a.json"] == 0.3)
        let total = times.values.reduce(0, +)
        #expect(abs(total - 1.8) < 0.01, "every measured second is given out once: \(total)")
    }

    @Test func junitValidatesAgainstTheSchema() throws {
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(xmllint != nil, "xmllint is installed by `make test` (libxml2-utils)")
        let finding = SampleResults.reported(SampleResults.finding(.schema, parameter: "rating", message: "rating is a string"))
        let clean = JUnitReport.render(context(SampleResults.result()))
        let failing = JUnitReport.render(context(SampleResults.result(findings: [finding])))
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/junit.xsd").path
        for xml in [clean, failing] {
            let file = URL(fileURLWithPath: TestPaths.temporaryFile("junit", suffix: ".xml"))
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
