import ConvfuzzGeneration
import ConvfuzzJSON
import Testing
@testable import ConvfuzzOracle

@Suite("Walk oracle")
struct WalkOracleTests {
    let oracle = WalkOracle(spec: Fixtures.spec)

    @Test func aCorrectWalkIsSilent() {
        let walk = WalkFixtures.walk(WalkFixtures.paged(WalkFixtures.items(7), size: 3), pageSize: 3)
        #expect(oracle.check(walk).isEmpty)
        #expect(walk.ids.count == 7 && walk.isComplete)
    }

    @Test func duplicatesAcrossPages() {
        let walk = WalkFixtures.walk([[("a", 9), ("b", 8)], [("b", 8), ("c", 7)]])
        let findings = oracle.check(walk)
        #expect(findings.map(\.check).contains(.walkDup))
        #expect(findings.first { $0.check == .walkDup }?.signature == "CF-WALK-DUP|-|across-pages")
        #expect(findings.contains { $0.check == .walkOrder })
    }

    @Test func orderAcrossPageBoundaries() {
        let walk = WalkFixtures.walk([[("a", 9), ("b", 8)], [("c", 8), ("d", 7)]])
        let findings = oracle.check(walk)
        #expect(findings.map(\.signature) == ["CF-WALK-ORDER|-|desc"])
        // Same key, tie-break in the right (descending) direction: fine.
        let ties = WalkFixtures.walk([[("d", 9), ("c", 8)], [("b", 8), ("a", 7)]])
        #expect(oracle.check(ties).isEmpty)
        // Ascending walks use the direction parameter.
        let asc = WalkFixtures.walk([[("a", 1), ("b", 2)], [("c", 3)]], query: Fixtures.query(scalars: ["sort_direction": "asc"]))
        #expect(oracle.check(asc).isEmpty)
    }

    @Test func hasMoreLie() {
        let walk = WalkFixtures.walk([[("a", 9)], []])
        #expect(oracle.check(walk).map(\.signature) == ["CF-WALK-HASMORE|-|empty-next-page"])
    }

    @Test func loops() {
        let repeated = WalkFixtures.walk([[("a", 9)], [("b", 8)]], end: .repeatedCursor("cur0"), lastHasMore: true)
        #expect(oracle.check(repeated).map(\.check) == [.walkLoop])
        let bounded = WalkFixtures.walk([[("a", 9)], [("b", 8)]], end: .pageLimit(2), pageSize: 1, lastHasMore: true)
        // At the page bound a walk did not end: a loop, whatever its items; with an expected total, only
        // when the bound allowed far more than those items.
        #expect(oracle.check(bounded).map(\.signature) == ["CF-WALK-LOOP|-|page-limit"])
        #expect(oracle.check(bounded, expectedTotal: 100).isEmpty)
        let sampled = WalkFixtures.walk([[("a", 9)], [("b", 8)]], end: .sampled(2), pageSize: 1, lastHasMore: true)
        #expect(oracle.check(sampled).isEmpty)
        let farBeyond = WalkFixtures.walk([[("a", 9)], [("b", 8)]], end: .pageLimit(500), pageSize: 1, lastHasMore: true)
        #expect(oracle.check(farBeyond, expectedTotal: 20).map(\.check) == [.walkLoop])
    }

    @Test func perPageChecksRunOnEveryPage() {
        let walk = WalkFixtures.walk([[("a", 9)], [("b", 8), ("c", 7)]], query: Fixtures.query(scalars: ["page_size": "1"]))
        #expect(oracle.check(walk).map(\.signature) == ["CF-PAGE-SIZE|page_size|sent"])
    }

    @Test func growthWindowToleratesLateDuplicates() {
        let walk = WalkFixtures.walk([[("new", 2000), ("a", 900)], [("new", 2000), ("b", 800)]], query: Fixtures.query(scalars: ["sort_direction": "asc"]))
        let dups = oracle.check(walk, windowStart: 1500).filter { $0.check == .walkDup }
        #expect(dups.isEmpty)
        #expect(!oracle.check(walk).filter { $0.check == .walkDup }.isEmpty)
    }

    @Test func itemOrderRelations() {
        let order = ItemOrder(spec: Fixtures.spec, direction: .desc)
        let a = Fixtures.item("a", start: 5), b = Fixtures.item("b", start: 5), c = Fixtures.item("c", start: 4)
        #expect(order.compare(b, a) == .before)
        #expect(order.compare(a, c) == .before)
        #expect(order.compare(c, a) == .after)
        #expect(order.compare(a, a) == .same)
        #expect(order.isAfter(position: b, item: a) == true)
        #expect(order.isAfter(position: a, item: b) == false)
        #expect(order.compare(a, ["x": 1]) == .unknown)
        #expect(ItemOrder(spec: Fixtures.spec, direction: .asc).compare(a, b) == .before)
    }
}
