import ConvfuzzJSON
import Testing

@Suite("JSONParser accepts valid JSON")
struct JSONParserTests {
    @Test("scalars at top level")
    func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse(" false ") == .bool(false))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("-12").int64Value == -12)
        #expect(try JSONParser.parse("0") == 0)
    }

    @Test("whitespace around and inside values")
    func whitespace() throws {
        let value = try JSONParser.parse(" \t\r\n{ \"a\" :\n[ 1 , 2 ]\r\n}\n ")
        #expect(value == ["a": [1, 2]])
    }

    @Test("nested structures keep order and content")
    func nested() throws {
        let text = #"{"items":[{"id":"c1","n":1,"tags":["x","y"],"meta":null},{"id":"c2","n":2.5,"ok":true}],"has_more":false,"next_cursor":null}"#
        let value = try JSONParser.parse(text)
        #expect(value["items"]?[0]?["id"] == "c1")
        #expect(value["items"]?[0]?["tags"]?[1] == "y")
        #expect(value["items"]?[1]?["n"]?.numberValue?.text == "2.5")
        #expect(value["items"]?[1]?["ok"]?.boolValue == true)
        #expect(value["next_cursor"]?.isNull == true)
        #expect(value.objectValue?.keys == ["items", "has_more", "next_cursor"])
        #expect(value["items"]?[0]?.objectValue?.keys == ["id", "n", "tags", "meta"])
    }

    @Test("empty containers")
    func emptyContainers() throws {
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{ }") == .object(JSONObject()))
        #expect(try JSONParser.parse("[[],{}]") == [[], [:]])
    }

    @Test("simple escapes decode")
    func simpleEscapes() throws {
        let value = try JSONParser.parse(#""\" \\ \/ \b \f \n \r \t""#)
        #expect(value == .string("\" \\ / \u{8} \u{C} \n \r \t"))
    }

    @Test("unicode escapes, surrogate pairs and raw UTF-8")
    func unicode() throws {
        #expect(try JSONParser.parse(#""\u0041\u00e9\u4E2D""#) == "Aé中")
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#) == "😀")
        #expect(try JSONParser.parse(#""\udbff\udfff""#) == .string("\u{10FFFF}"))
        #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
        #expect(try JSONParser.parse("\"é中😀\"") == "é中😀")
        #expect(try JSONParser.parse(#""a\u00e9b\"é""#) == "aéb\"é")
    }

    @Test("duplicate keys: last value wins, first position kept, flag set")
    func duplicateKeys() throws {
        let object = try #require(try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#).objectValue)
        #expect(object.hasDuplicateKeys)
        #expect(object.duplicateKeys == ["a"])
        #expect(object["a"] == 3)
        #expect(object.keys == ["a", "b"])
        #expect(object.count == 2)
        let clean = try #require(try JSONParser.parse(#"{"a":1,"b":2}"#).objectValue)
        #expect(!clean.hasDuplicateKeys)
    }

    @Test("plain keys are told apart by their bytes, each object's keys on their own")
    func plainKeysAcrossNestedObjects() throws {
        // A nested object may reuse its parent's keys; a repeat after it is still one.
        let text = #"{"a":{"a":1,"b":{"a":2}},"b":[{"a":3,"a":4}],"a":5,"ab":6,"ba":7}"#
        let object = try #require(try JSONParser.parse(text).objectValue)
        #expect(object.duplicateKeys == ["a"])
        #expect(object.keys == ["a", "b", "ab", "ba"] && object["a"] == 5)
        let inner = try #require(object["b"]?.arrayValue?.first?.objectValue)
        #expect(inner.duplicateKeys == ["a"] && inner["a"] == 4)
        // Forty distinct keys: looked up by index, none repeated.
        let large = "{" + (0..<40).map { "\"key\($0)\":\($0)" }.joined(separator: ",") + "}"
        let parsed = try #require(try JSONParser.parse(large).objectValue)
        #expect(!parsed.hasDuplicateKeys && parsed.count == 40 && parsed["key39"] == 39 && parsed["key4"] == 4)
        // Raw (unescaped) UTF-8 keys that are canonically equal still repeat: "é" and "e" + U+0301.
        let raw = try #require(try JSONParser.parse("{\"\u{E9}\":1,\"x\":2,\"e\u{301}\":3}").objectValue)
        #expect(raw.duplicateKeys == ["e\u{301}"] && raw.count == 2 && raw["\u{E9}"] == 3)
    }

    @Test("nesting up to the maximum depth is accepted")
    func maximumDepth() throws {
        let depth = JSONParser.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 0
        while case .array(let elements) = value, let first = elements.first {
            value = first
            levels += 1
        }
        #expect(levels == depth - 1)
    }

    @Test("byte collections of any kind parse")
    func byteCollections() throws {
        let bytes = Array(#"{"k":[true]}"#.utf8)
        let expected: JSONValue = ["k": [true]]
        #expect(try JSONParser.parse(bytes) == expected)
        #expect(try JSONParser.parse(bytes[...]) == expected)
        #expect(try JSONParser.parse(bytes.lazy.map { $0 }) == expected)
    }
}
