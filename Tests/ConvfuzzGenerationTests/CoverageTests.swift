import Testing
import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Coverage")
struct CoverageTests {
    @Test func tinyRunsListGaps() {
        var table = CoverageTable(spec: Fixtures.spec)
        for generated in CaseGenerator(spec: Fixtures.spec).cases(seed: 1, count: 5) { table.record(generated) }
        let gaps = table.gaps
        #expect(table.cases == 5)
        #expect(gaps.contains(CoverageCell(parameter: "page_size", cellClass: "boundary-outside:max+1")))
        #expect(gaps.contains(CoverageCell(parameter: "data_collection_params", cellClass: "grammar-violation")))
        #expect(gaps.contains(CoverageCell(parameter: "call_successful", cellClass: "enum-violation")))
        #expect(gaps.contains(CoverageCell(parameter: "tag_ids", cellClass: "list-shape")))
        #expect(!gaps.contains(CoverageCell(parameter: "agent_id", cellClass: "boundary-at:min")))
        // Each adversarial family is a class of its own, listed as a gap until one of its values is sent.
        #expect(gaps.contains(CoverageCell(parameter: "call_duration_min_secs", cellClass: "adversarial:integer-spellings")))
        #expect(gaps.contains(CoverageCell(parameter: "cursor", cellClass: "adversarial:token-mutations")))
        let text = table.renderText()
        #expect(text.contains("gaps:"))
        #expect(text.contains("page_size boundary-outside:max+1"))
    }

    @Test func largeRunsCloseTheGapsAndTheReportIsCodable() throws {
        var table = CoverageTable(spec: Fixtures.spec)
        for generated in CaseGenerator(spec: Fixtures.spec, pools: Fixtures.pools).cases(seed: 2024, count: 2000) {
            table.record(generated)
        }
        #expect(table.gaps.filter { $0.cellClass != "valid" }.isEmpty, "\(table.gaps)")
        #expect(table.count(parameter: "page_size", cellClass: "boundary-outside:max+1") > 0)
        let families = Set(table.allowed.map(\.cellClass).filter { $0.hasPrefix("adversarial:") })
        #expect(families == ["adversarial:integer-spellings", "adversarial:text-metacharacters", "adversarial:unicode",
                             "adversarial:number-precision", "adversarial:token-mutations", "adversarial:list-separators"],
                "\(families.sorted())")
        for family in families {
            #expect(table.report.cells.contains { $0.cellClass == family && $0.count > 0 }, "\(family) was never sent")
        }
        let report = table.report
        #expect(report.cells.count == table.allowed.count)
        #expect(report.cells.first?.parameter == "cursor")
    }
}
