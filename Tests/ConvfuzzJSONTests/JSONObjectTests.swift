import ConvfuzzJSON
import Testing

@Suite("JSONObject order, lookup and content equality")
struct JSONObjectTests {
    @Test("equality and hash ignore key order")
    func orderIndependentEquality() throws {
        let left = try JSONParser.parse(#"{"a":1,"b":[true,{"x":null,"y":"z"}],"c":"s"}"#)
        let right = try JSONParser.parse(#"{"c":"s","b":[true,{"y":"z","x":null}],"a":1.0}"#)
        #expect(left == right)
        #expect(left.hashValue == right.hashValue)
        #expect(Set([left, right]).count == 1)
        #expect(left.objectValue?.keys == ["a", "b", "c"])
        #expect(right.objectValue?.keys == ["c", "b", "a"])
    }

    @Test("different content is unequal")
    func inequality() throws {
        #expect(try JSONParser.parse(#"{"a":1}"#) != JSONParser.parse(#"{"a":2}"#))
        #expect(try JSONParser.parse(#"{"a":1}"#) != JSONParser.parse(#"{"b":1}"#))
        #expect(try JSONParser.parse(#"{"a":1}"#) != JSONParser.parse(#"{"a":1,"b":1}"#))
        #expect(try JSONParser.parse(#"{"a":null}"#) != JSONParser.parse("{}"))
        #expect(try JSONParser.parse("[1,2]") != JSONParser.parse("[2,1]"))
    }

    @Test("lookup, set and remove across the linear/indexed boundary")
    func mutationAndLookup() {
        var object = JSONObject()
        for number in 0..<20 {
            object["k\(number)"] = .number(JSONNumber(number))
            #expect(object.count == number + 1)
            for check in 0...number {
                #expect(object["k\(check)"] == .number(JSONNumber(check)))
            }
            #expect(object["missing"] == nil)
        }
        object["k3"] = "replaced"
        #expect(object.position(ofKey: "k3") == 3)
        #expect(object["k3"] == "replaced")
        for number in stride(from: 19, through: 0, by: -2) {
            #expect(object.removeValue(forKey: "k\(number)") != nil)
            #expect(object["k\(number)"] == nil)
        }
        #expect(object.keys == stride(from: 0, to: 20, by: 2).map { "k\($0)" })
        #expect(object["k18"] == 18)
        object["k18"] = nil
        #expect(object.count == 9)
        #expect(object.removeValue(forKey: "nope") == nil)
    }

    @Test("duplicate keys in large objects")
    func duplicatesInLargeObject() {
        var pairs = (0..<12).map { (key: "k\($0)", value: JSONValue.number(JSONNumber($0))) }
        pairs.append((key: "k2", value: "late"))
        pairs.append((key: "k11", value: "later"))
        let object = JSONObject(pairs)
        #expect(object.count == 12)
        #expect(object.duplicateKeys == ["k2", "k11"])
        #expect(object["k2"] == "late")
        #expect(object["k11"] == "later")
        #expect(object.keys.first == "k0")
    }

    @Test("keys compare by canonical equivalence, ASCII fast path or not")
    func canonicallyEquivalentKeys() throws {
        // U+212A KELVIN SIGN is canonically `K`; "e" + U+0301 is canonically "é".
        let object = try #require(JSONParser.parse(#"{"K":1,"a":2,"\u212A":3,"\u00e9":4,"e\u0301":5}"#).objectValue)
        #expect(object.duplicateKeys == ["\u{212A}", "e\u{0301}"])
        #expect(object.keys == ["K", "a", "é"])
        #expect(object["K"] == 3 && object["\u{212A}"] == 3 && object["é"] == 5 && object["e\u{0301}"] == 5)
        var mixed = JSONObject([(key: "\u{212A}", value: 1), (key: "b", value: 2)])
        #expect(mixed["K"] == 1 && mixed["b"] == 2 && mixed["c"] == nil)
        mixed["K"] = 9
        #expect(mixed.count == 2 && mixed["\u{212A}"] == 9)
        #expect(mixed.removeValue(forKey: "K") == 9 && mixed.keys == ["b"] && mixed["b"] == 2)
    }

    @Test("literals, pairs and dictionary initialisers")
    func initialisers() {
        let literal: JSONObject = ["b": 1, "a": "x"]
        #expect(literal.keys == ["b", "a"])
        #expect(literal.entries.map(\.value) == [1, "x"])
        let fromDictionary = JSONObject(["b": 1, "a": "x", "c": nil])
        #expect(fromDictionary.keys == ["a", "b", "c"])
        #expect(fromDictionary["c"] == .null)
        #expect(JSONObject([(key: "a", value: 1)]) == ["a": 1.0])
        #expect(JSONObject().isEmpty)
    }
}
