import Testing
@testable import ConvfuzzGeneration

@Suite("Choice sources")
struct ChoiceSourceTests {
    @Test func recordsResultsAndReplaysThem() {
        let random = ChoiceSource(random: Xoshiro256StarStar(seed: 11))
        let drawn = (random.draw(below: 10), random.draw(in: -5...5), random.bool(probability: 0.5),
                     random.pick(from: ["a", "b", "c"]), random.weighted([1, 5, 3]))
        #expect(random.recorded.count == 5)
        let replay = ChoiceSource(replaying: random.recorded)
        let again = (replay.draw(below: 10), replay.draw(in: -5...5), replay.bool(probability: 0.5),
                     replay.pick(from: ["a", "b", "c"]), replay.weighted([1, 5, 3]))
        #expect(drawn == again)
        #expect(replay.recorded == random.recorded)
    }

    @Test func replayClampsAndReturnsZeroWhenExhausted() {
        let replay = ChoiceSource(replaying: [99, 7, 1_000])
        #expect(replay.draw(below: 4) == 3)
        #expect(replay.bool(probability: 0.1) == true)
        #expect(replay.draw(in: 10...20) == 20)
        #expect(replay.draw(below: 50) == 0)
        #expect(replay.pick(from: ["simplest", "other"]) == "simplest")
        #expect(replay.bool(probability: 0.99) == false)
        #expect(replay.recorded == [3, 1, 10, 0, 0, 0])
        #expect(replay.normalized == [3, 1, 10])
    }

    @Test func forcedPrefixIsUsedFirst() {
        let source = ChoiceSource(random: Xoshiro256StarStar(seed: 1), forced: [2, 9])
        #expect(source.weighted([100, 0, 0]) == 2)
        #expect(source.draw(below: 5) == 4)
    }

    @Test func fullRangeDraws() {
        let source = ChoiceSource(replaying: [UInt64.max])
        #expect(source.draw(in: Int64.min...Int64.max) == Int64.max)
        let zero = ChoiceSource(replaying: [])
        #expect(zero.draw(in: Int64.min...Int64.max) == Int64.min)
    }

    @Test func spansCoverTheirChoices() {
        let source = ChoiceSource(replaying: [1, 2, 3])
        _ = source.draw(below: 5)
        source.beginSpan("x")
        _ = source.draw(below: 5)
        _ = source.draw(below: 5)
        source.endSpan()
        #expect(source.spans == [ChoiceSpan(start: 1, end: 3, label: "x")])
    }
}
