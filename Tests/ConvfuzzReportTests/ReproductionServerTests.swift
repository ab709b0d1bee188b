import ConvfuzzReport
import ConvfuzzResults
import Foundation
import Testing

/// The embedded server's command in every report, and curl lines that point at its fixed port.
@Suite struct ReproductionServerTests {
    private static let server = ReproductionServer(seed: 7, size: 1000, defaultSize: 1000, fault: "cursor-skips-item", chaos: nil,
                                                   chaosRate: nil, insertRate: nil, apiKeyEnv: "ELEVENLABS_API_KEY",
                                                   defaultKeyEnv: "ELEVENLABS_API_KEY", secondKeyEnv: nil)

    @Test func theCommandNamesEverySettingOfTheRunsServer() {
        #expect(Self.server.command == "convfuzz serve --port 18080 --seed 7 --fault cursor-skips-item")
        let every = ReproductionServer(seed: 3, size: 5000, defaultSize: 1000, fault: nil, chaos: "stall,reset", chaosRate: 0.25,
                                       insertRate: 2, apiKeyEnv: "MY_KEY", defaultKeyEnv: "ELEVENLABS_API_KEY", secondKeyEnv: "OTHER_KEY")
        #expect(every.command == "convfuzz serve --port 18080 --seed 3 --size 5000 --chaos stall,reset --chaos-rate 0.25 --insert-rate 2 "
                + "--api-key-env MY_KEY --second-key-env OTHER_KEY")
        #expect(Self.server.rebased("http://127.0.0.1:41234/v1/convai/conversations?a=%7C&cursor=x'y")
                == "http://127.0.0.1:18080/v1/convai/conversations?a=%7C&cursor=x'y")
        #expect(Self.server.rebased("http://127.0.0.1:41234?a=1") == "http://127.0.0.1:18080?a=1")
    }

    @Test func everyReportPointsAtTheFixedPortAndSaysHowToStartTheServer() throws {
        let finding = SampleResults.reported(SampleResults.finding(.pageSize, parameter: "page_size", message: "31 items"))
        var result = SampleResults.result(findings: [finding])
        result.reproductionServer = Self.server
        let context = ReportContext(result: result, redactor: Redactor(secrets: [SampleResults.secret]))
        let curl = context.curlLines(for: finding)
        #expect(!curl.isEmpty && curl.allSatisfy { $0.contains("'http://127.0.0.1:18080/v1/convai/conversations?") && !$0.contains(":1/") })
        #expect(context.reproductionLines(for: finding) == [try #require(context.serverLine)] + curl)
        #expect(TextSummary.render(context).contains("repro server: \(Self.server.command)"))
        #expect(MarkdownReport.render(context).contains("\(Self.server.command) & sleep 1"))
        #expect(JUnitReport.render(context).contains("server: \(Self.server.command) &amp; sleep 1"))
        let html = HTMLReport.render(context)
        #expect(html.contains("after starting this run") && html.contains("\(Self.server.command) &amp; sleep 1"))
        let json = try JSONReport.render(context)
        let back = try JSONReportReader.read(data: Data(json.utf8), file: "report.json")
        #expect(back.reproductionServer == Self.server)

        result.reproductionServer = nil
        let remote = ReportContext(result: result, redactor: Redactor(secrets: []))
        #expect(remote.serverLine == nil && remote.reproductionLines(for: finding) == remote.curlLines(for: finding))
        #expect(remote.curlLines(for: finding).allSatisfy { $0.contains("'http://127.0.0.1:1/v1/convai/conversations?") })
    }
}
