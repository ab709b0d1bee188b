import ConvfuzzSpec
import ConvfuzzSpecFiles
import ConvfuzzTestSupport
import Foundation
import Testing
@testable import ConvfuzzOpenAPI

@Suite("spec diff against OpenAPI")
struct SpecDiffTests {
    /// The query parameters of the August 2026 document that CONTRACT.md leaves out of scope.
    static let scopedOut = ["visited_agent_ids", "visited_agent_branch_ids", "triggered_procedure_ids", "has_feedback_comment",
                            "tool_names", "tool_names_successful", "tool_names_errored", "include_invalid_tool_calls",
                            "text_only", "conversation_product_type", "version_id", "parent_conversation_id",
                            "workflow_node_entered_id", "termination_reasons", "guardrail_types", "custom_guardrail_names"]

    @Test func namesExactlyTheParametersTheSpecScopesOut() {
        let drift = SpecDiffer.diff(spec: SpecImportTests.spec, operation: SpecImportTests.operation)
        #expect(drift.documentOnlyParameters == Self.scopedOut)
        #expect(drift.specOnlyParameters.isEmpty)
        #expect(drift.enums.isEmpty, "\(drift.enums)")
        #expect(drift.attributes.map { "\($0.parameter).\($0.attribute)" }
                == ["call_duration_min_secs.minimum", "call_duration_max_secs.minimum"])
        // The document types data_collection_results values as any JSON; the spec says what they hold.
        #expect(drift.specOnlyFields == ["conversations[].data_collection_results{}.data_collection_id",
                                         "conversations[].data_collection_results{}.value"])
        #expect(drift.documentOnlyFields.isEmpty, "\(drift.documentOnlyFields)")
        #expect(!drift.isEmpty)
        let text = drift.render(spec: "s.yaml", document: "d.json", operation: "GET /x")
        for name in Self.scopedOut { #expect(text.contains("  + \(name)\n")) }
    }

    @Test func aFilledDraftHasNoDriftFromItsDocument() throws {
        let draft = SpecDraftWriter.draft(SpecImportTests.operation)
        let specText = try String(contentsOfFile: TestPaths.specPath, encoding: .utf8)
        let filled = try SpecLoader.load(text: DraftFilling.fill(draft, from: specText, spec: SpecImportTests.spec), file: "f.yaml")
        let drift = SpecDiffer.diff(spec: filled, operation: SpecImportTests.operation)
        #expect(drift.isEmpty, "\(drift.render(spec: "f", document: "d", operation: "o"))")
    }

    @Test func reportsEnumValuesAndFieldsBothWays() throws {
        var operation = SpecImportTests.operation
        let index = try #require(operation.parameters.firstIndex { $0.name == "call_successful" })
        operation.parameters[index].values = ["success", "failure", "error"]
        operation.parameters.removeAll { $0.name == "search" }
        let drift = SpecDiffer.diff(spec: SpecImportTests.spec, operation: operation)
        #expect(drift.specOnlyParameters == ["search"])
        let enumDrift = try #require(drift.enums.first { $0.subject == "parameter call_successful" })
        #expect(enumDrift.documentOnly == ["error"] && enumDrift.specOnly == ["unknown"])
    }
}
