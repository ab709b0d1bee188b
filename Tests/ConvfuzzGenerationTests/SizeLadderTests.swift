import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzSpec
import Testing

@Suite("Size ladders")
struct SizeLadderTests {
    static let spec = Fixtures.spec

    @Test func everyTextAndListParameterGetsALadderOfValidDoublingSteps() {
        let names = SizeLadder.parameters(Self.spec).map(\.name)
        // Text parameters (strings that are not the cursor) and every list, in spec order.
        #expect(names == ["agent_id", "user_id", "evaluation_params", "data_collection_params", "main_languages",
                          "search", "branch_id", "topic_ids", "exclude_statuses", "tag_ids", "data_collection_ids",
                          "evaluation_criteria_ids"])
        let ladders = SizeLadder.ladders(spec: Self.spec, pools: Fixtures.pools)
        #expect(ladders.map(\.parameter) == names, "no step of any ladder is invalid")
        let classifier = WireClassifier(spec: Self.spec)
        let floor = Self.spec.errors.requestLimitFloor
        for ladder in ladders {
            #expect(ladder.steps.map(\.valueLength) == [512, 1_024, 2_048, 4_096, 8_192, 16_384], "\(ladder.parameter)")
            for (step, next) in zip(ladder.steps, ladder.steps.dropFirst()) {
                #expect(step.requestBytes < next.requestBytes, "ascending: \(ladder.parameter)")
            }
            for step in ladder.steps {
                let pairs = QueryCodec.pairs(fromQuery: step.query)
                #expect(classifier.classify(pairs).expectation.isSuccess, "\(ladder.parameter) at \(step.valueLength)")
                #expect(Set(pairs.map(\.name)) == [ladder.parameter], "the parameter alone")
                #expect(step.requestBytes == Self.spec.endpoint.path.utf8.count + 1 + step.query.utf8.count)
                // The request is about as long as the value: the ladder measures what it says.
                #expect(step.requestBytes >= step.valueLength / 2 && step.requestBytes <= step.valueLength * 2 + 64)
            }
            // Steps below the floor, then past it, up to past twice the floor.
            #expect(ladder.steps.first.map { $0.requestBytes <= floor } == true)
            #expect(ladder.steps.contains { $0.requestBytes > floor })
            #expect(ladder.steps.last.map { $0.requestBytes > 2 * floor } == true)
            #expect(ladder.steps.dropLast().allSatisfy { $0.requestBytes <= 2 * floor + 64 })
        }
        // An enum list's long item is not valid: it is sent as many valid items instead.
        let statuses = ladders.first { $0.parameter == "exclude_statuses" }
        #expect(statuses.map { QueryCodec.pairs(fromQuery: $0.steps[0].query).count > 1 } == true)
        #expect(ladders == SizeLadder.ladders(spec: Self.spec, pools: Fixtures.pools), "deterministic")
    }

    @Test func aLadderStopsAtASizeStatusAboveTheFloorOrNoAnswer() {
        let spec = Self.spec
        let floor = spec.errors.requestLimitFloor
        #expect(SizeLadder.stops(spec, status: 414, transportFailed: false, requestBytes: floor + 1))
        #expect(SizeLadder.stops(spec, status: 431, transportFailed: false, requestBytes: 4 * floor))
        #expect(SizeLadder.stops(spec, status: 413, transportFailed: false, requestBytes: floor + 100))
        // Below the floor a size status is a finding, not a limit: the ladder goes on.
        #expect(!SizeLadder.stops(spec, status: 414, transportFailed: false, requestBytes: floor))
        #expect(!SizeLadder.stops(spec, status: 500, transportFailed: false, requestBytes: 4 * floor))
        #expect(!SizeLadder.stops(spec, status: 200, transportFailed: false, requestBytes: 4 * floor))
        #expect(!SizeLadder.stops(spec, status: 400, transportFailed: false, requestBytes: 2 * floor))
        #expect(SizeLadder.stops(spec, status: nil, transportFailed: true, requestBytes: 600))
    }

    @Test func aRunsCoverageTableDeclaresALadderPerParameter() {
        var table = CoverageTable(spec: Self.spec, walks: true)
        #expect(!CoverageTable(spec: Self.spec).allowed.contains { $0.cellClass == CoverageTable.sizeLadderClass },
                "`convfuzz generate` tables are unchanged")
        for parameter in SizeLadder.parameters(Self.spec) {
            #expect(table.gaps.contains(CoverageCell(parameter: parameter.name, cellClass: "size-ladder")))
        }
        table.recordLadderStep(parameter: "search")
        table.recordLadderStep(parameter: "search")
        #expect(table.count(parameter: "search", cellClass: "size-ladder") == 2)
        #expect(!table.gaps.contains(CoverageCell(parameter: "search", cellClass: "size-ladder")))
        #expect(!table.allowed.contains(CoverageCell(parameter: "page_size", cellClass: "size-ladder")))
    }
}
