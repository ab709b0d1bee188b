import ConvfuzzOracle
import ConvfuzzResults
import Testing
@testable import ConvfuzzReport

@Suite("Reproduction lines of auth and tenancy findings")
struct AuthReproTests {
    static func lines(_ credential: RequestCredential, secondKeyEnv: String? = "OTHER_KEY") -> [String] {
        var reported = SampleResults.reported(SampleResults.finding(.authBypass, parameter: nil, message: "accepted"))
        // The probe query is both the evidence and the reproduction (curl lines list each query once).
        reported.reproduction = reported.finding.evidence.map(\.query)
        reported.credential = credential
        var result = SampleResults.result(findings: [reported])
        result.secondKeyEnv = secondKeyEnv
        return ReportContext(result: result, redactor: Redactor(secrets: [SampleResults.secret])).curlLines(for: reported)
    }

    @Test func eachCredentialShowsOnlyTheVariableAndWhatChanged() {
        let url = "'http://127.0.0.1:1/v1/convai/conversations?page_size=30&x=%7C'"
        #expect(Self.lines(.firstKey) == ["curl -sS -g -H \"xi-api-key: $ELEVENLABS_API_KEY\" \(url)"])
        #expect(Self.lines(.secondKey) == ["curl -sS -g -H \"xi-api-key: $OTHER_KEY\" \(url)"])
        #expect(Self.lines(.variant(.missingHeader)) == ["curl -sS -g \(url)"])
        #expect(Self.lines(.variant(.emptyValue)) == ["curl -sS -g -H \"xi-api-key;\" \(url)"])
        #expect(Self.lines(.variant(.headerName("XI-API-KEY"))) == ["curl -sS -g -H \"XI-API-KEY: $ELEVENLABS_API_KEY\" \(url)"])
        #expect(Self.lines(.variant(.lastCharactersChanged(count: 4)))
                == ["curl -sS -g -H \"xi-api-key: <$ELEVENLABS_API_KEY, wrong key (last 4 characters changed)>\" \(url)"])
        #expect(Self.lines(.variant(.random(seed: 3)))[0].contains("<$ELEVENLABS_API_KEY, a random key of the same length>"))
    }

    @Test func theTextAndMarkdownSummariesListWhatTheAuthPhasesDid() {
        var result = SampleResults.result()
        result.authNotes = ["auth: 8 credential variants sent", "tenancy: 16 checks between the first and the second key"]
        let text = TextSummary.render(ReportContext(result: result, redactor: .none), color: false)
        #expect(text.contains("auth: 8 credential variants sent"))
        #expect(text.contains("tenancy: 16 checks"))
        let markdown = MarkdownReport.render(ReportContext(result: result, redactor: .none))
        #expect(markdown.contains("auth: 8 credential variants sent; tenancy: 16 checks"))
    }
}
