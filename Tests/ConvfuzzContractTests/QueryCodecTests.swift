import Testing
@testable import ConvfuzzContract
@testable import ConvfuzzSpec

@Suite("Query codec")
struct QueryCodecTests {
    let wire = WireSpec()

    @Test func encodesEverythingOutsideUnreserved() {
        #expect(QueryCodec.encode("a:b|c d/é") == "a%3Ab%7Cc%20d%2F%C3%A9")
        #expect(QueryCodec.encode("Az09-._~") == "Az09-._~")
    }

    @Test func decodesLikeParseQslKeepingBlanks() throws {
        let items = try #require(QueryCodec.decode("a=1&a=2&b=&c&d=x+y&e=%zz&f=%&g=%41&&h=%C3%28", wire: wire))
        #expect(items == [QueryItem("a", "1"), QueryItem("a", "2"), QueryItem("b", ""), QueryItem("c", ""),
                          QueryItem("d", "x y"), QueryItem("e", "%zz"), QueryItem("f", "%"), QueryItem("g", "A"),
                          QueryItem("h", "\u{FFFD}(")])
    }

    @Test func dropsBlankValuesWhenTheSpecSaysSo() throws {
        var wire = WireSpec()
        wire.keepBlankValues = false
        #expect(QueryCodec.decode("a=&b=1", wire: wire) == [QueryItem("b", "1")])
    }

    @Test func rejectsInvalidPercentWhenTheSpecSaysSo() {
        var wire = WireSpec()
        wire.invalidPercentLiteral = false
        #expect(QueryCodec.decode("a=%zz", wire: wire) == nil)
    }

    @Test func roundTripsPoliteEncoding() throws {
        let values = ["x:eq:a|b", "100%", "emoji 😀", "rtl \u{202E}abc", "e\u{301}", "nul\u{0}byte", ""]
        for value in values {
            let decoded = try #require(QueryCodec.decode([WirePair.encoding("k", value)], wire: wire))
            #expect(decoded == [QueryItem("k", value)])
        }
    }
}

@Suite("Query codec raw bytes")
struct QueryCodecRawByteTests {
    @Test func rawNonASCIIBytesAreLatin1ByDefault() throws {
        let items = try #require(QueryCodec.decode("a=\u{e9}&b=%C3%A9", wire: WireSpec()))
        #expect(items == [QueryItem("a", "\u{c3}\u{a9}"), QueryItem("b", "\u{e9}")])
    }

    @Test func rawNonASCIIBytesAreUTF8WhenTheSpecSaysSo() throws {
        var wire = WireSpec()
        wire.rawBytesLatin1 = false
        let items = try #require(QueryCodec.decode("a=\u{e9}x", wire: wire))
        #expect(items == [QueryItem("a", "\u{e9}x")])
    }
}
