import ConvfuzzJSON
import ConvfuzzTestSupport

/// Generates random JSON values (all scalar kinds, awkward strings and numbers).
struct RandomJSON {
    var rng: TestRandom

    mutating func value(depth: Int = 0) -> JSONValue {
        let kinds = depth >= 4 ? 4 : 6
        switch Int.random(in: 0..<kinds, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(number())
        case 3: return .string(string())
        case 4:
            return .array((0..<Int.random(in: 0...5, using: &rng)).map { _ in value(depth: depth + 1) })
        default:
            let pairs = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                (key: string(), value: value(depth: depth + 1))
            }
            return .object(JSONObject(pairs))
        }
    }

    mutating func number() -> JSONNumber {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return JSONNumber(Int64.random(in: -1000...1000, using: &rng))
        case 1: return JSONNumber(Int64(bitPattern: rng.next()))
        case 2:
            var double = Double(bitPattern: rng.next())
            while !double.isFinite { double = Double(bitPattern: rng.next()) }
            return JSONNumber(double)
        case 3: return JSONNumber(Double.random(in: -1e6...1e6, using: &rng))
        default:
            let texts = ["1e3", "-0", "0.0", "1E+2", "12345678901234567890123", "-2.5e-8", "1.000"]
            return JSONNumber(text: texts.randomElement(using: &rng)!)!
        }
    }

    mutating func string() -> String {
        let alphabet: [Unicode.Scalar] = [
            "a", "b", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}",
            "é", "ß", "中", "\u{2028}", "\u{FFFF}", "😀", "\u{10FFFF}",
        ]
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...10, using: &rng) {
            text.append(alphabet.randomElement(using: &rng)!)
        }
        return String(text)
    }
}
