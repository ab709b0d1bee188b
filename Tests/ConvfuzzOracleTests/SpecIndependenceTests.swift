import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzJSON
import ConvfuzzSpec
import ConvfuzzSpecFiles
import Foundation
import Testing
@testable import ConvfuzzOracle

@Suite("Spec independence")
struct SpecIndependenceTests {
    /// The real spec with every parameter renamed `zz_<name>` where the YAML names a parameter.
    static let renamed: Spec = {
        do {
            var text = try String(contentsOfFile: Fixtures.specPath, encoding: .utf8)
            for parameter in Fixtures.spec.parameters {
                text = text.replacingOccurrences(
                    of: "(name|param|lower|upper|cursor_param|page_size_param|direction_param|window_param|owner_param): \(parameter.name)(?![A-Za-z0-9_])",
                    with: "$1: zz_\(parameter.name)", options: .regularExpression)
            }
            return try SpecLoader.load(text: text, file: "renamed.yaml")
        } catch {
            fatalError("renamed spec: \(error)")
        }
    }()

    @Test func theOracleFollowsRenamedParameters() {
        let oracle = ResponseOracle(spec: Self.renamed)
        let items = [Fixtures.item("a", start: 9, ["rating": 2]), Fixtures.item("b", start: 8, ["rating": 5])]
        let response = Fixtures.response(Fixtures.body(items))
        let renamedQuery = EffectiveQuery(scalars: ["zz_rating_min": "3", "zz_page_size": "1"])
        let findings = oracle.check(classification: Fixtures.success(renamedQuery), response: response)
        #expect(Set(findings.map(\.signature)) == ["CF-FILTER|zz_rating_min|gte", "CF-PAGE-SIZE|zz_page_size|sent"])
        // The old names mean nothing to the renamed spec.
        let oldQuery = EffectiveQuery(scalars: ["rating_min": "3", "page_size": "1"])
        #expect(oracle.check(classification: Fixtures.success(oldQuery), response: response).isEmpty)
        let invalid = Classification(expectation: .invalid(parameters: ["zz_rating_min"]), query: EffectiveQuery())
        let error = ObservedResponse(query: "", status: 422, body: Fixtures.validationBody("zz_rating_min"))
        #expect(oracle.check(classification: invalid, response: error).isEmpty)
    }

    @Test func grammarFiltersFollowRenamedHelpers() {
        let evaluator = FilterEvaluator(spec: Self.renamed)
        let item = Fixtures.item("a", start: 1, ["data_collection_results": ["k": ["data_collection_id": "k", "value": "v"]]])
        let query = EffectiveQuery(lists: ["zz_data_collection_params": ["k:missing"], "zz_data_collection_ids": ["k"]])
        #expect(evaluator.violations(item: item, query: query).map(\.detail) == ["missing:string"])
    }

    @Test func oracleSourcesNameNothingFromTheSpec() throws {
        let spec = Fixtures.spec
        var names = Set(spec.parameters.map(\.name))
        names.formUnion(spec.filters.compactMap(\.field))
        names.formUnion(spec.response.definitions.values.flatMap { $0.properties.map(\.name) })
        names.formUnion([spec.pagination.itemsField, spec.pagination.idField, spec.pagination.nextCursorField,
                         spec.pagination.hasMoreField, spec.pagination.order.key])
        names.formUnion(spec.grammars.keys)
        names.formUnion(spec.parameters.flatMap(\.valueEnum).filter { $0.count > 6 })
        let directory = Fixtures.root + "/Sources/ConvfuzzOracle"
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            for name in names where name.contains("_") && text.contains(name) {
                Issue.record("\(file) mentions \(name)")
            }
        }
    }
}
