import Testing
import ConvfuzzGeneration
import ConvfuzzSpec

@Suite struct SmokeTests {
    @Test func prints() {
        let generator = CaseGenerator(spec: Fixtures.spec, pools: Fixtures.pools)
        for c in generator.cases(seed: 7, count: 60) {
            let q = c.queryString
            print(c.label.key, "|", c.expectation.word, "|", q.count > 200 ? String(q.prefix(200)) + "…" : q, "|", c.classification.problems.joined(separator: "; "))
        }
    }
}
