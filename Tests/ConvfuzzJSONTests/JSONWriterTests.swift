import ConvfuzzJSON
import Testing

@Suite("JSONWriter output is exact and deterministic")
struct JSONWriterTests {
    let sample: JSONValue = ["b": [1, 2.5, nil], "a": ["x": true, "e": [:]], "c": []]

    @Test("compact output keeps insertion order")
    func compact() {
        #expect(JSONWriter.compact.string(sample) == #"{"b":[1,2.5,null],"a":{"x":true,"e":{}},"c":[]}"#)
        #expect(sample.description == JSONWriter().string(sample))
    }

    @Test("pretty output uses two-space indentation")
    func pretty() {
        let expected = """
        {
          "b": [
            1,
            2.5,
            null
          ],
          "a": {
            "x": true,
            "e": {}
          },
          "c": []
        }
        """
        #expect(JSONWriter.pretty.string(sample) == expected)
        #expect(JSONWriter.pretty.string(7) == "7")
    }

    @Test("sortedKeys orders by UTF-8 bytes regardless of insertion order")
    func sortedKeys() throws {
        let first = try JSONParser.parse(#"{"b":1,"a":{"z":1,"é":2,"Z":3},"B":0}"#)
        let second = try JSONParser.parse(#"{"B":0,"a":{"é":2,"Z":3,"z":1},"b":1}"#)
        let writer = JSONWriter(sortedKeys: true)
        #expect(writer.string(first) == #"{"B":0,"a":{"Z":3,"z":1,"é":2},"b":1}"#)
        #expect(writer.bytes(first) == writer.bytes(second))
        #expect(JSONWriter.compact.string(first) != JSONWriter.compact.string(second))
        let prettySorted = JSONWriter(style: .pretty, sortedKeys: true)
        #expect(prettySorted.string(first) == prettySorted.string(second))
    }

    @Test("strings escape quote, backslash and control characters only")
    func escaping() throws {
        let text = "a\"b\\c/d\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}é中😀"
        let written = JSONWriter.compact.string(.string(text))
        #expect(written == #""a\"b\\c/d\n\r\t\b\f\u0000\u001f"# + "\u{7F}é中😀\"")
        #expect(try JSONParser.parse(written) == .string(text))
        #expect(JSONWriter.compact.string(["k\"ey": "v"]) == #"{"k\"ey":"v"}"#)
    }

    @Test("numbers are written from their raw text")
    func rawNumbers() throws {
        let text = "[1,1.0,1e3,-0,1E+2,0.10,123456789012345678901234567890]"
        #expect(JSONWriter.compact.string(try JSONParser.parse(text)) == text)
    }

    @Test("bytes and string agree; non-ASCII is raw UTF-8")
    func bytesMatchString() {
        let value: JSONValue = ["ключ": "значение"]
        #expect(JSONWriter.compact.bytes(value) == Array(JSONWriter.compact.string(value).utf8))
        #expect(JSONWriter.compact.string(value) == #"{"ключ":"значение"}"#)
    }

    @Test("source order survives parse and write")
    func roundTripText() throws {
        let text = #"{"z":1,"a":[{"y":null,"b":false}],"m":"\u00e9"}"#
        #expect(JSONWriter.compact.string(try JSONParser.parse(text)) == #"{"z":1,"a":[{"y":null,"b":false}],"m":"é"}"#)
    }
}
