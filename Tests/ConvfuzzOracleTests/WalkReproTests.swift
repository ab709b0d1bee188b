import ConvfuzzGeneration
import Testing
@testable import ConvfuzzOracle

/// A walk finding's evidence is the page that shows the discrepancy, not the walk's first page.
@Suite("Walk repro pages")
struct WalkReproTests {
    let comparator = WalkComparator(spec: Fixtures.spec)
    let evaluator = FilterEvaluator(spec: Fixtures.spec)

    @Test func aMissingItemPointsAtThePagesWhereItIsAndWhereItBelongs() throws {
        let all = WalkFixtures.items(10)
        let base = WalkFixtures.walk(WalkFixtures.paged(all, size: 3))
        let skipped = WalkFixtures.walk(WalkFixtures.paged(all.filter { $0.0 != "p7" }, size: 3))
        let finding = try #require(comparator.completeness(filtered: skipped, base: base, evaluator: evaluator).first)
        #expect(finding.message.contains("p7"))
        // p7 is on the base walk's third page; the filtered walk shows p8, the next id, on its third page.
        #expect(finding.evidence.map(\.query) == ["q&page=2", "q&page=2"])
        #expect(finding.evidence.last?.excerpt.contains("p7") == true, "the base page holds the missing item")
        #expect(!finding.evidence.contains { $0.query == "q&page=0" }, "not the first page, which looks fine")
    }

    @Test func anExtraItemPointsAtThePageHoldingIt() throws {
        let all = WalkFixtures.items(9)
        let base = WalkFixtures.walk(WalkFixtures.paged(all, size: 4))
        let extra = WalkFixtures.walk(WalkFixtures.paged(all + [("zz", 1)], size: 4))
        let finding = try #require(comparator.completeness(filtered: extra, base: base, evaluator: evaluator).first)
        #expect(finding.evidence.map(\.query) == ["q&page=2"])
        #expect(finding.evidence[0].excerpt.contains("zz"))
    }
}
