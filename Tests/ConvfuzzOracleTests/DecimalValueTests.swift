import Testing
@testable import ConvfuzzOracle

@Suite("Exact decimals")
struct DecimalValueTests {
    func d(_ text: String) -> DecimalValue { DecimalValue(text)! }

    @Test func equalValuesInDifferentTexts() {
        #expect(d("4") == d("4.0"))
        #expect(d("4") == d("0.4e1"))
        #expect(d("+007") == d("7"))
        #expect(d("-0") == d("0.000"))
        #expect(d("1e2") == d("100"))
    }

    @Test func ordersExactlyBeyondDoublePrecision() {
        #expect(d("9007199254740993") > d("9007199254740992"))
        #expect(d("-2") < d("-1.5"))
        #expect(d("0.1") < d("0.10000000000000001"))
        #expect(d("-1e400") < d("-1e399"))
        #expect(d("12.5") > d("12.49"))
    }

    @Test func rejectsNonDecimals() {
        for text in ["", "abc", ".5", "5.", "1e", "--1", " 1", "1 ", "0x10", "inf"] {
            #expect(DecimalValue(text) == nil, "\(text)")
        }
    }
}
