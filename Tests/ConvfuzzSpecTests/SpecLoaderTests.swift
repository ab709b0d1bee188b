import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Testing
@testable import ConvfuzzSpec

@Suite("Spec loading")
struct SpecLoaderTests {
    @Test func loadsTheBundledSpec() throws {
        let spec = try SpecLoader.load(path: TestPaths.specPath)
        #expect(spec.name == "list-conversations")
        #expect(spec.endpoint.path == "/v1/convai/conversations")
        #expect(spec.auth.header == "xi-api-key")
        let missionNames = ["cursor", "agent_id", "call_successful", "call_start_before_unix", "call_start_after_unix",
                            "call_duration_min_secs", "call_duration_max_secs", "rating_max", "rating_min", "user_id",
                            "evaluation_params", "data_collection_params", "main_languages", "page_size", "summary_mode",
                            "search", "conversation_initiation_source", "branch_id", "topic_ids", "exclude_statuses", "tag_ids"]
        #expect(spec.parameters.filter { !$0.helper }.map(\.name) == missionNames)
        #expect(spec.parameters.filter(\.helper).map(\.name) == ["data_collection_ids", "evaluation_criteria_ids", "sort_direction"])
        let pageSize = try #require(spec.parameter(named: "page_size"))
        #expect(pageSize.minimum == 1 && pageSize.maximum == 100 && pageSize.defaultValue == "30")
        #expect(spec.parameter(withRole: .cursor)?.name == "cursor")
        #expect(spec.parameter(named: "search")?.deprecated == true)
        #expect(spec.parameter(named: "conversation_initiation_source")?.values.count == 27)
        #expect(spec.relations.count == 3)
        #expect(spec.pagination.order.key == "start_time_unix_secs")
        #expect(spec.pagination.order.tieBreak == "conversation_id")
        #expect(spec.pagination.defaultPageSize == 30)
        let dc = try #require(spec.grammars["data_collection_item"])
        #expect(dc.maxSplits == 2)
        #expect(dc.rule(for: "in")?.kind == .list)
        #expect(dc.rule(for: "eq")?.emptyMeans["eq"] == .missing)
        let item = spec.response.resolve(try #require(spec.response.schema.property("conversations")?.items))
        #expect(item.required.contains("conversation_id"))
        #expect(item.property("rating")?.nullable == true)
        #expect(spec.fingerprint.count == 16)
    }

    @Test func semanticNeighbourDeclarations() throws {
        let spec = try SpecLoader.load(path: TestPaths.specPath)
        for name in ["call_start_before_unix", "call_start_after_unix", "call_duration_min_secs", "call_duration_max_secs"] {
            #expect(spec.parameter(named: name)?.unit == .seconds, "\(name)")
        }
        #expect(spec.parameter(named: "page_size")?.unit == nil)
        #expect(spec.parameters.filter(\.identifier).map(\.name) == ["agent_id", "user_id", "branch_id", "topic_ids", "tag_ids"])
        #expect(spec.filters(on: "search").first?.emptyMeans == .noFilter)
        #expect(spec.filters(on: "agent_id").first?.emptyMeans == nil)
        #expect(ValueUnit.seconds.neighbours == [.milliseconds, .minutes])
        #expect(ValueUnit.milliseconds.neighbours == [.seconds])
        #expect(ValueUnit.seconds.convert(1_700_000_000, to: .milliseconds) == 1_700_000_000_000)
        #expect(ValueUnit.seconds.convert(3_600, to: .minutes) == 60)
        #expect(ValueUnit.seconds.convert(.max, to: .milliseconds) == nil)
        #expect(ValueUnit.seconds.convert(5, to: .bytes) == nil)
    }

    @Test(arguments: [
        ("  - name: page_size\n    type: integer\n    minimum: 1\n    maximum: 100\n    default: 30\n    role: page_size\n",
         "  - name: page_size\n    type: integer\n    minimum: 1\n    maximum: 100\n    default: 30\n    role: page_size\n    unit: fortnights\n",
         "unknown value 'fortnights'"),
        ("  - name: user_id\n    type: string\n    pool: user_id\n",
         "  - name: user_id\n    type: string\n    pool: user_id\n    unit: seconds\n", "has a unit but is not an integer"),
        ("  - name: rating_max\n    type: integer\n", "  - name: rating_max\n    type: integer\n    identifier: true\n",
         "is an identifier but its values are not strings"),
        ("{param: agent_id, field: agent_id, op: eq, visible: true}",
         "{param: agent_id, field: agent_id, op: eq, visible: true, empty_means: everything}", "unknown value 'everything'"),
        ("{param: rating_min, field: rating, op: gte, null_matches: false, visible: true}",
         "{param: rating_min, field: rating, op: gte, null_matches: false, visible: true, empty_means: no_filter}",
         "empty_means is only for text filters"),
    ])
    func badNeighbourDeclarationsAreLintErrors(original: String, replacement: String, message: String) throws {
        let text = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
        #expect(text.contains(original))
        do {
            _ = try SpecLoader.load(text: text.replacingOccurrences(of: original, with: replacement), file: "bad.yaml")
            Issue.record("expected a spec error containing \(message)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.hasPrefix("bad.yaml:"))
        }
    }

    @Test func fingerprintIsStable() throws {
        let a = try SpecLoader.load(path: TestPaths.specPath)
        let b = try SpecLoader.load(path: TestPaths.specPath)
        #expect(a.fingerprint == b.fingerprint)
    }

    @Test(arguments: [
        ("convfuzz_spec: 1\nname: x\nbogus: 1\n", 3, "unknown key 'bogus'"),
        ("convfuzz_spec: 2\nname: x\n", 1, "unsupported spec format version"),
        ("convfuzz_spec: 1\nname: [unclosed\n", 2, "YAML syntax"),
        ("", 1, "empty"),
    ])
    func rejectsBadSpecsWithALine(text: String, line: Int, fragment: String) {
        do {
            _ = try SpecLoader.load(text: text, file: "bad.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func missingFileNamesThePath() {
        #expect(throws: SpecError.self) { try SpecLoader.load(path: "/nonexistent/spec.yaml") }
    }

    @Test func lintFindsADanglingFilterParameter() throws {
        let text = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
            .replacingOccurrences(of: "- {param: branch_id, field: branch_id", with: "- {param: branch_idd, field: branch_id")
        let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("param: branch_idd") }.map { $0 + 1 }
        do {
            _ = try SpecLoader.load(text: text, file: "s.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("unknown parameter 'branch_idd'"))
            #expect(error.line == lineNumber)
        }
    }

    @Test func lintRejectsBadDefault() throws {
        let text = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
            .replacingOccurrences(of: "    default: 30\n", with: "    default: 300\n")
        #expect(throws: SpecError.self) { try SpecLoader.load(text: text, file: "s.yaml") }
    }

    @Test func mediaTypesAreLoadedAndLinted() throws {
        let spec = try SpecLoader.load(path: TestPaths.specPath)
        #expect(spec.response.mediaType == "application/json")
        #expect(spec.errors.mediaType == "application/json")
        let text = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
        let bad = text.replacingOccurrences(of: "  status: 200\n  media_type: application/json\n",
                                            with: "  status: 200\n  media_type: application/json; charset=utf-8\n")
        #expect(bad != text)
        let sectionLine = bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "response:" }.map { $0 + 1 }
        do {
            _ = try SpecLoader.load(text: bad, file: "s.yaml")
            Issue.record("expected a lint error")
        } catch {
            #expect(error.message.contains("response.media_type 'application/json; charset=utf-8' is not a media type"))
            #expect(error.line == sectionLine)
            #expect(error.description.hasPrefix("s.yaml:"))
        }
        let withoutKeys = text.replacingOccurrences(of: "  media_type: application/json\n", with: "")
        #expect(try SpecLoader.load(text: withoutKeys, file: "s.yaml").errors.mediaType == "application/json")
    }
}
