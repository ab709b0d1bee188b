import Testing
@testable import ConvfuzzReferenceServer

@Suite struct QueryDecoderTests {
    private func decode(_ text: String) -> [String] {
        QueryDecoder.decode(text).map { "\($0.name)=\($0.value)" }
    }

    @Test func splitsAndKeepsBlanks() {
        #expect(decode("a=1&&b=&c&=x&a=2") == ["a=1", "b=", "c=", "=x", "a=2"])
        #expect(decode("").isEmpty)
        #expect(decode("&&&").isEmpty)
        #expect(decode("a=b=c") == ["a=b=c"])
    }

    @Test func plusAndPercent() {
        #expect(decode("q=a+b%20c") == ["q=a b c"])
        #expect(decode("q=%2B") == ["q=+"])
        #expect(decode("q=100%") == ["q=100%"])
        #expect(decode("q=%zz%4") == ["q=%zz%4"])
        #expect(decode("q=%%41") == ["q=%A"])
        #expect(decode("k%3Dx=v%26w") == ["k=x=v&w"])
        #expect(decode("q=%C3%A9") == ["q=é"])
    }

    @Test func invalidUTF8IsReplaced() {
        #expect(decode("q=%FF") == ["q=\u{FFFD}"])
        #expect(decode("q=a%C3") == ["q=a\u{FFFD}"])
        #expect(decode("q=%E2%82x") == ["q=\u{FFFD}x"])
    }

    @Test func rawHighBytesAreLatin1LikeStarlette() {
        let pairs = QueryDecoder.decode([0x71, 0x3D, 0xC3, 0xA9])
        #expect(pairs.first?.value == "\u{C3}\u{A9}")
    }

    @Test func repeatedScalarLastWinsListsCollect() {
        let app = TestSupport.application(size: 50)
        let response = TestSupport.request(app, "page_size=abc&page_size=2&tag_ids=tag_vip&tag_ids=tag_bug")
        #expect(response.status == 200)
        let page = TestSupport.page(app, "page_size=abc&page_size=2")
        #expect(page?.items.count == 2)
        #expect(TestSupport.request(app, "page_size=2&page_size=abc").status == 422)
    }
}
