import ConvfuzzJSON
import Testing

@Suite("JSONParser rejects invalid JSON with a position")
struct JSONParserRejectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { String(decoding: input, as: UTF8.self).debugDescription }

        init(_ text: String, _ message: String, line: Int = 1, column: Int) {
            self.init(bytes: Array(text.utf8), message, line: line, column: column)
        }

        init(bytes: [UInt8], _ message: String, line: Int = 1, column: Int) {
            input = bytes
            self.message = message
            self.line = line
            self.column = column
        }
    }

    static let cases: [Case] = [
        Case("", "empty input", column: 1),
        Case("  \n ", "only whitespace", line: 2, column: 2),
        Case("[1,2,]", "trailing comma in array", column: 6),
        Case(#"{"a":1,}"#, "trailing comma in object", column: 8),
        Case("// c\n1", "unexpected character '/'", column: 1),
        Case("[1 /* c */]", "unexpected character '/' (expected ',' or ']')", column: 4),
        Case("01", "leading zeros are not allowed", column: 1),
        Case("[-01]", "leading zeros are not allowed", column: 3),
        Case("NaN", "unexpected character 'N'", column: 1),
        Case("Infinity", "unexpected character 'I'", column: 1),
        Case("-Infinity", "unexpected character 'I' (expected a digit)", column: 2),
        Case("+1", "unexpected character '+'", column: 1),
        Case(".5", "unexpected character '.'", column: 1),
        Case("1.e3", "unexpected character 'e' (expected a digit after '.')", column: 3),
        Case("[1e]", "unexpected character ']' (expected a digit after the exponent marker)", column: 4),
        Case("0x10", "trailing data after the JSON value", column: 2),
        Case("1 2", "trailing data after the JSON value", column: 3),
        Case(#"{"a":1} x"#, "trailing data after the JSON value", column: 9),
        Case(#""\x""#, #"invalid escape sequence '\x'"#, column: 2),
        Case(#""\'""#, #"invalid escape sequence '\''"#, column: 2),
        Case(#""\u12G4""#, "invalid \\u escape: expected 4 hex digits", column: 6),
        Case(#""\uD800""#, "lone high surrogate \\uD800", column: 2),
        Case(#""ab\uD83Dxy""#, "lone high surrogate \\uD83D in string (no low surrogate follows)", column: 4),
        Case(#""\uD800\u0041""#, "lone high surrogate \\uD800 in string (followed by \\u0041)", column: 2),
        Case(#""\uDC00""#, "lone low surrogate \\uDC00", column: 2),
        Case("\"a\tb\"", "unescaped control character U+0009 in string", column: 3),
        Case("[\"x\",\n \"a\nb\"]", "unescaped control character U+000A in string", line: 2, column: 4),
        Case("\"\u{0}\"", "unescaped control character U+0000", column: 2),
        Case(bytes: [0x22, 0xFF, 0x22], "invalid UTF-8 (byte 0xFF)", column: 2),
        Case(bytes: [0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 (byte 0xC0)", column: 2),
        Case(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 (byte 0xED)", column: 2),
        Case(bytes: [0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 (byte 0xE2)", column: 2),
        Case(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 (byte 0xF4)", column: 2),
        Case(bytes: [0x22, 0x80, 0x22], "invalid UTF-8 (byte 0x80)", column: 2),
        Case(bytes: [0xEF, 0xBB, 0xBF, 0x31], "byte order mark is not allowed", column: 1),
        Case(#"{"a" 1}"#, "unexpected character '1' (expected ':')", column: 6),
        Case("{1:2}", "unexpected character '1' (expected a string key)", column: 2),
        Case("{'a':2}", "unexpected character ''' (expected a string key)", column: 2),
        Case("[1 2]", "unexpected character '2' (expected ',' or ']')", column: 4),
        Case(#"{"a":1 "b":2}"#, "unexpected character '\"' (expected ',' or '}')", column: 8),
        Case("trux", "unexpected character 'x' (expected 'true')", column: 4),
        Case("nul1", "unexpected character '1' (expected 'null')", column: 4),
        Case("[,1]", "unexpected character ','", column: 2),
        Case("[\"é\", x]", "unexpected character 'x'", column: 7),
        Case("{\n  \"a\": 1,\n  \"b\": 01\n}", "leading zeros are not allowed", line: 3, column: 8),
        Case("\u{7F}", "unexpected byte 0x7F", column: 1),
    ]

    @Test("rejection message, line and column", arguments: cases)
    func rejects(_ testCase: Case) throws {
        let error = try #require(parseFailure(testCase.input))
        #expect(error.message.hasPrefix(testCase.message), "got: \(error.message)")
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
        #expect(!error.isTruncation)
        #expect(error.description == "line \(error.line), column \(error.column) (offset \(error.offset)): \(error.message)")
    }

    @Test("truncated input reports end of input at the input length",
          arguments: ["[1,2", "{\"a\":", "{\"a\"", "{", "[", "\"abc", "\"ab\\", "\"\\u12", "\"\\uD83D", "\"\\uD83D\\",
                      "tru", "nul", "-", "1.", "1e", "1e+", "{\"a\":[1,{\"b\":", "[\"é",
                      "\"中"])
    func truncated(_ text: String) throws {
        let error = try #require(parseFailure(text))
        #expect(error.message == "unexpected end of input (truncated body?)")
        #expect(error.isTruncation)
        #expect(error.offset == text.utf8.count)
    }

    @Test("truncated multi-byte UTF-8 sequence is a truncation")
    func truncatedUTF8() throws {
        let error = try #require(parseFailure([0x22, 0xE4, 0xB8]))
        #expect(error.isTruncation)
        #expect(error.offset == 3)
    }

    @Test("truncation position has line and column")
    func truncationPosition() throws {
        let error = try #require(parseFailure("{\n  \"a\": [1,\n  2"))
        #expect(error.line == 3)
        #expect(error.column == 4)
    }

    @Test("100k open brackets are rejected without stack overflow")
    func deepArrays() throws {
        let error = try #require(parseFailure(String(repeating: "[", count: 100_000)))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.offset == JSONParser.maxDepth)
    }

    @Test("deeply nested objects are rejected")
    func deepObjects() throws {
        let error = try #require(parseFailure(String(repeating: #"{"a":"#, count: 100_000)))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.offset == 5 * JSONParser.maxDepth)
    }

    @Test("one level past the maximum is rejected")
    func depthBoundary() throws {
        let depth = JSONParser.maxDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(parseFailure(text))
        #expect(error.message == "nesting deeper than 512 levels")
    }
}
