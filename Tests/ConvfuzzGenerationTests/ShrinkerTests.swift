import Testing
import ConvfuzzContract
@testable import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Shrinker")
struct ShrinkerTests {
    static let generator = CaseGenerator(spec: Fixtures.spec, pools: Fixtures.pools)

    /// A case of at least 12 parameters whose only problem is `page_size=101`.
    static func bigPageSizeCase() -> GeneratedCase {
        let cell = generator.catalog.cells.first { $0.parameter == "page_size" && $0.detail == "max+1" }!
        var mixer = SplitMix64(seed: 77)
        for _ in 0..<500 {
            let tail = (0..<120).map { index in index % 7 == 0 ? 1 : mixer.next() % 40 }
            let candidate = generator.replay(seed: 1, index: 0, choices: cell.prefix + tail)
            if Set(candidate.pairs.map(\.name)).count >= 12, candidate.expectation == .invalid(parameters: ["page_size"]) {
                return candidate
            }
        }
        fatalError("no big case found")
    }

    @Test func shrinksToThePageSizePairAlone() {
        let big = Self.bigPageSizeCase()
        #expect(big.pairs.contains(WirePair(name: "page_size", value: "101")))
        var calls = 0
        let result = Shrinker(generator: Self.generator).shrink(big, budget: 500) { candidate in
            calls += 1
            return candidate.pairs.contains(WirePair(name: "page_size", value: "101"))
        }
        #expect(result.minimal.pairs == [WirePair(name: "page_size", value: "101")])
        #expect(result.verified)
        #expect(result.attempts == calls && calls <= 500)
        #expect(result.minimal.expectation == .invalid(parameters: ["page_size"]))
        #expect(Self.generator.replay(seed: 1, index: 0, choices: result.minimal.choices) == result.minimal)
    }

    @Test func shrinksByTheClassificationToOneInvalidPageSize() {
        let big = Self.bigPageSizeCase()
        let result = Shrinker(generator: Self.generator).shrink(big, budget: 800) { candidate in
            if case .invalid(let parameters) = candidate.expectation { return parameters.contains("page_size") }
            return false
        }
        #expect(result.minimal.pairs.count == 1)
        #expect(result.minimal.pairs.first?.name == "page_size")
        #expect(result.minimal.choices.count <= 3)
    }

    @Test func valuesMoveTowardsCanonicalOnes() {
        let start = Self.generator.cases(seed: 3, count: 400).first {
            $0.label.kind == .valid && $0.pairs.count >= 4 && $0.classification.query.scalar("page_size") != nil
        }!
        let result = Shrinker(generator: Self.generator).shrink(start, budget: 400) { candidate in
            candidate.expectation.isSuccess && candidate.classification.query.scalar("page_size") != nil
        }
        // The canonical valid value: the declared default (or the minimum), and nothing else.
        #expect(result.minimal.pairs.count == 1)
        #expect(["30", "1"].contains(result.minimal.pairs.first?.value ?? ""), "\(result.minimal.pairs)")
        #expect(result.verified)
    }

    @Test func respectsTheBudgetAndNeverReturnsAnUnverifiedShrink() {
        let big = Self.bigPageSizeCase()
        let tight = Shrinker(generator: Self.generator).shrink(big, budget: 10) { _ in true }
        #expect(tight.attempts <= 10)
        #expect(tight.verified)
        // A flaky failure: only the first call fails. Nothing fails twice, so the input comes back unverified.
        var calls = 0
        let flaky = Shrinker(generator: Self.generator).shrink(big, budget: 50) { _ in
            calls += 1
            return calls == 1
        }
        #expect(!flaky.verified)
        #expect(flaky.minimal == big)
        // Fails on every odd call: the final re-run (even) passes, so an earlier candidate that failed again is returned.
        var parity = 0
        let alternating = Shrinker(generator: Self.generator).shrink(big, budget: 60) { candidate in
            parity += 1
            return parity % 2 == 1 && candidate.pairs.contains(WirePair(name: "page_size", value: "101"))
        }
        #expect(alternating.verified == alternating.minimal.pairs.contains(WirePair(name: "page_size", value: "101")))
    }
}
