import Testing
@testable import ConvfuzzGeneration
import ConvfuzzSpec

@Suite("Case generator")
struct GeneratorTests {
    static let generator = CaseGenerator(spec: Fixtures.spec, pools: Fixtures.pools)
    static let batch = generator.cases(seed: 2024, count: 2000)

    @Test func replayFromChoicesReproducesEveryCase() {
        for generated in Self.batch.prefix(400) {
            let replayed = Self.generator.replay(seed: generated.seed, index: generated.index, choices: generated.choices)
            #expect(replayed == generated, "case \(generated.index)")
        }
    }

    @Test func sameSeedSameCasesAndCasesReplayAlone() {
        let again = CaseGenerator(spec: Fixtures.spec, pools: Fixtures.pools).cases(seed: 2024, count: 300)
        #expect(Array(Self.batch.prefix(300)) == again)
        #expect(Self.generator.generate(seed: 2024, index: 1234) == Self.batch[1234])
        let other = Self.generator.cases(seed: 2025, count: 50)
        #expect(other.map(\.pairs) != Self.batch.prefix(50).map(\.pairs))
    }

    @Test func everyBoundaryClassOfEveryIntegerParameterOccurs() {
        let spec = Fixtures.spec
        var seen: Set<String> = []
        for generated in Self.batch where generated.label.kind.rawValue.hasPrefix("boundary") {
            seen.insert("\(generated.label.parameter ?? "")/\(generated.label.detail)")
        }
        for parameter in spec.parameters where parameter.type == .integer {
            let details = BoundaryValues.atDetails(parameter) + BoundaryValues.insideDetails(parameter)
                + BoundaryValues.outsideDetails(parameter)
            for detail in details {
                #expect(seen.contains("\(parameter.name)/\(detail)"), "missing \(parameter.name) \(detail)")
            }
        }
        func values(_ name: String) -> Set<String> {
            Set(Self.batch.flatMap { $0.pairs.filter { $0.name == name }.compactMap(\.value) })
        }
        #expect(values("page_size").isSuperset(of: ["0", "1", "100", "101"]))
        #expect(values("rating_min").isSuperset(of: ["0", "1", "5", "6"]))
        #expect(values("rating_max").isSuperset(of: ["0", "1", "5", "6"]))
        #expect(values("call_duration_min_secs").isSuperset(of: ["-1", "0", "1"]))
        #expect(values("call_start_after_unix").isSuperset(of: ["9223372036854775808", "-9223372036854775809"]))
    }

    @Test func boundaryCasesAreClassifiedFromTheWireNotTheIntent() {
        for generated in Self.batch where generated.label.parameter == "page_size" {
            let value = generated.classification.query.scalar("page_size")
            if generated.label.detail == "max" || generated.label.detail == "min" {
                #expect(value == "100" || value == "1")
            }
            if value == "101" || value == "0" {
                #expect(!generated.expectation.isSuccess)
            }
            if generated.label.detail == "leading-zeros" { #expect(value == "030") }
        }
        let leading = Self.batch.filter { $0.label.detail == "leading-zeros" && $0.label.parameter == "page_size" }
        #expect(!leading.isEmpty)
        #expect(leading.allSatisfy { $0.classification.problems.allSatisfy { !$0.hasPrefix("page_size") } })
    }

    @Test func grammarMalformationsOfBothGrammarsOccur() {
        func distinct(_ parameter: String) -> Set<String> {
            Set(Self.batch.filter { $0.label.kind == .grammarViolation && $0.label.parameter == parameter
                    && $0.expectation == .invalid(parameters: [parameter]) }.map(\.label.detail))
        }
        #expect(distinct("data_collection_params").count >= 8, "\(distinct("data_collection_params"))")
        #expect(distinct("evaluation_params").count >= 3, "\(distinct("evaluation_params"))")
        let edges = Self.batch.filter { $0.label.kind == .grammarEdge }
        #expect(Set(edges.map(\.label.detail)).isSuperset(of: ["any-with-separator", "any-empty", "none-trailing-separator"]))
        #expect(edges.filter { $0.label.parameter == "data_collection_params" }.allSatisfy { $0.expectation.isSuccess })
    }

    @Test func atLeastFortyPercentAreValidAndValidCasesAreSuccesses() {
        let valid = Self.batch.filter { $0.label.kind == .valid || $0.label.kind == .grammarEdge }
        #expect(valid.count * 100 >= 40 * Self.batch.count, "\(valid.count)")
        let plain = Self.batch.filter { $0.label.kind == .valid }
        let successes = plain.filter { $0.expectation.isSuccess }
        #expect(successes.count == plain.count)
        let empties = plain.filter { if case .empty = $0.expectation { return true } else { return false } }
        #expect(empties.count * 20 < plain.count)
        let classes = Set(Self.batch.map(\.label.kind))
        #expect(classes == Set(CaseKind.allCases))
    }

    @Test func validCasesUsePoolValuesMostOfTheTime() {
        var pooled = 0
        var total = 0
        var startTimesUsed: Set<String> = []
        let spec = Fixtures.spec
        for generated in Self.batch where generated.label.kind == .valid {
            for pair in generated.pairs {
                guard let parameter = spec.parameter(named: pair.name), let pool = parameter.valuePool,
                      !Fixtures.pools.values(pool).isEmpty, let value = pair.value else { continue }
                total += 1
                if Fixtures.pools.values(pool).contains(value) { pooled += 1 }
                if pool == "start_time" && Fixtures.pools.values(pool).contains(value) { startTimesUsed.insert(pair.name) }
            }
        }
        #expect(total > 200)
        #expect(pooled * 100 >= 60 * total, "\(pooled)/\(total)")
        #expect(startTimesUsed == ["call_start_after_unix", "call_start_before_unix"])
        let cursors = Self.batch.filter { $0.label.kind == .valid && $0.pairs.contains { $0.name == "cursor" } }
        #expect(!cursors.isEmpty && cursors.allSatisfy { $0.expectation.isSuccess })
    }

    @Test func listShapesShapeAndCursorsOccur() {
        let details = Set(Self.batch.map { "\($0.label.kind.rawValue)/\($0.label.detail)" })
        for detail in ["list-shape/none", "list-shape/one", "list-shape/many", "list-shape/duplicates", "list-shape/empty-item",
                       "shape/repeated-valid-then-invalid", "shape/long-value", "shape/unicode-invalid-utf8",
                       "shape/unicode-nul", "shape/unicode-raw-separators", "shape/unicode-stray-percent",
                       "cursor-invalid/garbage", "cursor-invalid/empty", "cursor-invalid/truncated",
                       "cursor-invalid/bit-flipped", "cursor-invalid/extended", "relation-conflict/lower-above-upper",
                       "enum-violation/homoglyph", "enum-violation/zero-width-joiner", "type-violation/plus-as-space"] {
            #expect(details.contains(detail), "missing \(detail)")
        }
        for generated in Self.batch where generated.label.kind == .cursorInvalid {
            #expect(generated.expectation == .invalid(parameters: ["cursor"]))
        }
        let longValues = Self.batch.filter { $0.label.detail == "long-value" }
        #expect(longValues.allSatisfy { $0.queryString.utf8.count >= 10_240 })
        let conflicts = Self.batch.filter { $0.label.detail == "lower-above-upper" }
        #expect(conflicts.allSatisfy { if case .empty = $0.expectation { return true } else { return false } })
        let repeated = Self.batch.filter { $0.label.detail == "repeated-invalid-then-valid" }
        #expect(repeated.allSatisfy { $0.expectation.isSuccess || $0.label.parameter == "cursor" })
    }
}
