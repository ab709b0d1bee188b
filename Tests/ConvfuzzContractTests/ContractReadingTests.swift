import ConvfuzzContract
import ConvfuzzSpec
import ConvfuzzTestSupport
import Testing

enum ContractFixtures {
    static var spec: Spec { TestPaths.spec }
}

@Suite("Contract: one splitter, one integer reader, one direction reader")
struct ContractReadingTests {
    let spec = ContractFixtures.spec

    @Test func splitsOnTheBytesThatAreSent() throws {
        let grammar = try #require(spec.grammars.values.first { $0.separator == ":" && $0.fields.count >= 2 })
        // A separator followed by a combining mark is one Character but still a separator byte on the wire.
        let item = GrammarSplitter.item("a:\u{301}b", grammar: grammar)
        #expect(item.fields[grammar.fields[0].name] == "a")
        #expect(item.fields[grammar.fields[1].name]?.unicodeScalars.first == "\u{301}")
        #expect(GrammarSplitter.split("a|b||c", separator: "|", limit: -1) == ["a", "b", "", "c"])
        #expect(GrammarSplitter.split("a|b|c", separator: "|", limit: 1) == ["a", "b|c"])
    }

    @Test func pageSizeFollowsTheSpecsIntegerPattern() {
        let reading = QueryReading(spec: spec)
        let name = spec.pagination.pageSizeParam
        #expect(reading.pageSize(EffectiveQuery(scalars: [name: "030"])) == 30)
        #expect(reading.requestedPageSize(EffectiveQuery()) == nil)
        #expect(reading.pageSize(EffectiveQuery()) == spec.pagination.defaultPageSize)
        // Whatever the integer pattern rejects is no page size (the default applies), exactly as the classifier says.
        let checker = ValueChecker(spec: spec)
        for text in [" 7 ", "1e3", "1.5", "", "x"] {
            #expect(checker.integer(text) == nil)
            #expect(reading.requestedPageSize(EffectiveQuery(scalars: [name: text])) == nil)
        }
    }

    @Test func directionComesFromTheOrderSpec() {
        let reading = QueryReading(spec: spec)
        let order = spec.pagination.order
        #expect(reading.direction(EffectiveQuery()) == order.defaultDirection)
        if let param = order.directionParam, let value = order.values[order.defaultDirection.reversed] {
            #expect(reading.direction(EffectiveQuery(scalars: [param: value])) == order.defaultDirection.reversed)
        }
    }

    @Test func queryStringsSplitBackIntoTheSameBytes() {
        for query in ["", "a=1", "a=1&&b", "x=%zz&y=%7C|&z=a:b", "k=&k", "&lead"] {
            #expect(QueryCodec.queryString(QueryCodec.pairs(fromQuery: query)) == query)
        }
        #expect(QueryCodec.pairs(fromQuery: "a=1&b") == [WirePair(name: "a", value: "1"), WirePair(name: "b", value: nil)])
    }
}
