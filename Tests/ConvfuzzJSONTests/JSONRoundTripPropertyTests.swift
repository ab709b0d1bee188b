import ConvfuzzJSON
import ConvfuzzTestSupport
import Testing

@Suite("Property: parse(write(v)) == v")
struct JSONRoundTripPropertyTests {
    @Test("500 random values round-trip through compact and pretty output",
          arguments: [JSONWriter.compact, JSONWriter.pretty, JSONWriter(sortedKeys: true)])
    func roundTrip(_ writer: JSONWriter) throws {
        var generator = RandomJSON(rng: TestRandom(seed: 0xC0FF_EE00_1234_5678))
        for iteration in 0..<500 {
            let value = generator.value()
            let bytes = writer.bytes(value)
            let parsed = try JSONParser.parse(bytes)
            #expect(parsed == value, "iteration \(iteration): \(value)")
            // Raw number text and key order survive exactly.
            #expect(writer.bytes(parsed) == bytes, "iteration \(iteration)")
        }
    }

    @Test("the generator is deterministic")
    func deterministic() {
        var first = RandomJSON(rng: TestRandom(seed: 42))
        var second = RandomJSON(rng: TestRandom(seed: 42))
        for _ in 0..<20 {
            #expect(JSONWriter.compact.bytes(first.value()) == JSONWriter.compact.bytes(second.value()))
        }
    }
}
