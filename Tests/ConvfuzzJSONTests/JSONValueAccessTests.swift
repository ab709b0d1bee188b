import ConvfuzzJSON
import Testing

@Suite("JSONValue accessors and literals")
struct JSONValueAccessTests {
    let value: JSONValue = [
        "s": "text", "i": 3, "f": 1.5, "t": true, "n": nil, "a": [10, "x"], "o": ["k": "v"],
    ]

    @Test("subscripts return nil for the wrong shape or a miss")
    func subscripts() {
        #expect(value["s"] == "text")
        #expect(value["missing"] == nil)
        #expect(value["a"]?[1] == "x")
        #expect(value["a"]?[2] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value["s"]?["k"] == nil)
        #expect(value[0] == nil)
        #expect(value["o"]?["k"] == "v")
    }

    @Test("typed accessors")
    func typedAccessors() {
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.stringValue == nil)
        #expect(value["t"]?.boolValue == true)
        #expect(value["i"]?.numberValue == JSONNumber(3))
        #expect(value["i"]?.int64Value == 3)
        #expect(value["f"]?.doubleValue == 1.5)
        #expect(value["a"]?.arrayValue?.count == 2)
        #expect(value["o"]?.objectValue?.keys == ["k"])
        #expect(value["n"]?.isNull == true)
        #expect(value["s"]?.isNull == false)
    }

    @Test("typeName per JSON Schema")
    func typeNames() throws {
        let names = ["s": "string", "i": "integer", "f": "number", "t": "boolean", "n": "null", "a": "array", "o": "object"]
        for (key, name) in names {
            #expect(value[key]?.typeName == name, "\(key)")
        }
        #expect(try JSONParser.parse("2.0").typeName == "number")
        #expect(try JSONParser.parse("2e0").typeName == "number")
    }

    @Test("wireText of scalars")
    func wireText() throws {
        #expect(value["s"]?.wireText == "text")
        #expect(value["i"]?.wireText == "3")
        #expect(value["f"]?.wireText == "1.5")
        #expect(value["t"]?.wireText == "true")
        #expect(JSONValue.bool(false).wireText == "false")
        #expect(value["n"]?.wireText == "null")
        #expect(value["a"]?.wireText == nil)
        #expect(value["o"]?.wireText == nil)
        #expect(try JSONParser.parse("1e3").wireText == "1e3")
    }

    @Test("literal conformances build the expected cases")
    func literals() {
        let string: JSONValue = "x"
        let integer: JSONValue = 5
        let float: JSONValue = 2.0
        let bool: JSONValue = false
        let array: JSONValue = [1, "a"]
        let object: JSONValue = ["k": 1]
        let null: JSONValue = nil
        #expect(string == .string("x"))
        #expect(integer.numberValue?.text == "5")
        #expect(float.numberValue?.text == "2.0")
        #expect(bool == .bool(false))
        #expect(array == .array([.number(JSONNumber(1)), .string("a")]))
        #expect(object.objectValue?["k"] == 1)
        #expect(null == .null)
    }
}
