import ConvfuzzJSON
import Testing

@Suite("JSONNumber keeps raw text and compares by value")
struct JSONNumberTests {
    private func number(_ text: String) throws -> JSONNumber {
        try #require(try JSONParser.parse(text).numberValue)
    }

    @Test("raw text is kept and isInteger follows the text",
          arguments: [("1", true), ("1.0", false), ("1e3", false), ("-0", true), ("1E+3", false),
                      ("-2.50", false), ("0.000", false), ("123456789012345678901234567890", true)])
    func rawText(_ text: String, _ isInteger: Bool) throws {
        let parsed = try number(text)
        #expect(parsed.text == text)
        #expect(parsed.isInteger == isInteger)
        #expect(JSONValue.number(parsed).typeName == (isInteger ? "integer" : "number"))
        #expect(JSONValue.number(parsed).wireText == text)
    }

    @Test("1, 1.0 and 1e0 are distinguishable yet equal")
    func distinguishableButEqual() throws {
        let one = try number("1"), oneFloat = try number("1.0"), oneExp = try number("1e0")
        #expect(Set([one.text, oneFloat.text, oneExp.text]).count == 3)
        #expect(one == oneFloat)
        #expect(one == oneExp)
        #expect(one.hashValue == oneFloat.hashValue)
        #expect(try number("1e3") == number("1000"))
        #expect(try number("-0") == number("0"))
        #expect(try number("-0.0").hashValue == number("0").hashValue)
        #expect(try number("1") != number("2"))
        #expect(try number("0.1") != number("0.10000001"))
    }

    @Test("Int64 range boundaries")
    func int64Range() throws {
        #expect(try number("9223372036854775807").int64Value == .max)
        #expect(try number("-9223372036854775808").int64Value == .min)
        #expect(try number("9223372036854775808").int64Value == nil)
        #expect(try number("-9223372036854775809").int64Value == nil)
        #expect(try number("999999999999999999").int64Value == 999_999_999_999_999_999)
        #expect(try number("-1000000000000000000").int64Value == -1_000_000_000_000_000_000)
        #expect(try number("1.0").int64Value == nil)
        #expect(try number("1e2").int64Value == nil)
        #expect(try number("-0").int64Value == 0)
    }

    @Test("large integers compare exactly")
    func largeIntegers() throws {
        let big = "123456789012345678901234567890"
        #expect(try number(big) == number(big))
        #expect(try number(big) != number("123456789012345678901234567891"))
        #expect(try number("9007199254740993") != number("9007199254740992"))
        #expect(try number("9223372036854775808") != number("9223372036854775807"))
        #expect(try number(big).doubleValue == 1.2345678901234568e29)
    }

    @Test("doubleValue")
    func doubleValue() throws {
        #expect(try number("1.5e2").doubleValue == 150)
        #expect(try number("-0.25").doubleValue == -0.25)
        #expect(try number("42").doubleValue == 42)
        #expect(try number("1e400").doubleValue == .infinity)
    }

    @Test("initialisers produce canonical text")
    func initialisers() {
        #expect(JSONNumber(42).text == "42")
        #expect(JSONNumber(Int64(-7)).text == "-7")
        #expect(JSONNumber(42).isInteger)
        #expect(JSONNumber(1.5).text == "1.5")
        #expect(JSONNumber(2.0).text == "2.0")
        #expect(!JSONNumber(2.0).isInteger)
        #expect(JSONNumber(0.1).text == "0.1")
        #expect(JSONNumber(2.0) == JSONNumber(2))
        #expect(JSONNumber(1e20).doubleValue == 1e20)
        #expect(JSONNumber(text: JSONNumber(Double.leastNonzeroMagnitude).text) == JSONNumber(Double.leastNonzeroMagnitude))
    }

    @Test("init(text:) accepts exactly one JSON number",
          arguments: [("1.5e-3", true), ("-0", true), ("12", true), (" 1", false), ("01", false),
                      ("+1", false), ("1.", false), ("abc", false), ("\"1\"", false), ("", false)])
    func textInitialiser(_ text: String, _ valid: Bool) {
        let parsed = JSONNumber(text: text)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.text == text) }
    }
}
