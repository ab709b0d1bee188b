import ConvfuzzContract
import ConvfuzzSpec
import Foundation

extension CaseGenerator {
    /// Unusual unicode and wire variants, simplest first.
    static let unicodeVariants = ["emoji", "rtl-override", "combining", "nul", "invalid-utf8", "raw-separators", "stray-percent"]
    /// Undeclared-name variants, simplest first.
    static let unknownVariants = ["unknown-name", "uppercase-name", "bracket-suffix", "trailing-space-name"]

    /// Shape cases on a declared parameter: repeated scalar, very long value, unusual unicode.
    func shapeGroups(_ parameter: ParameterSpec, label: inout CaseLabel, _ source: ChoiceSource) -> [PairGroup] {
        switch label.detail {
        case "repeated":
            return [repeated(parameter, label: &label, source)]
        case "long-value":
            let length = 10_240 + source.draw(below: 22_529)
            return [group(parameter.name, [longValue(parameter, length: length, source)])]
        default:
            let variant = source.draw(below: Self.unicodeVariants.count)
            label.detail = "unicode-\(Self.unicodeVariants[variant])"
            let base = parameter.isList ? valid.item(parameter, source) : (valid.scalar(parameter, source) ?? "a")
            let value = unicodeWire(base, variant: Self.unicodeVariants[variant], source)
            return [PairGroup(order: position(parameter.name), pairs: [WirePair(name: QueryCodec.encode(parameter.name), value: value)])]
        }
    }

    /// A scalar sent twice with differing values: valid/valid, invalid then valid, or valid then invalid.
    func repeated(_ parameter: ParameterSpec, label: inout CaseLabel, _ source: ChoiceSource) -> PairGroup {
        let modes = ["valid-valid", "invalid-then-valid", "valid-then-invalid"]
        let mode = source.draw(below: modes.count)
        label.detail = "repeated-\(modes[mode])"
        let first = valid.scalar(parameter, source) ?? CursorMutator().garbage(using: source)
        var second = valid.scalar(parameter, source) ?? CursorMutator().garbage(using: source)
        if ByteOrder.same(first, second) { second = different(from: first, parameter) }
        let bad = invalidScalar(parameter, source) ?? second
        let values = [[first, second], [bad, first], [first, bad]][mode]
        return group(parameter.name, values)
    }

    /// Another valid value when one exists (next enum value, a neighbouring integer), else a variant.
    func different(from value: String, _ parameter: ParameterSpec) -> String {
        switch parameter.type {
        case .enum, .boolean:
            let values = parameter.type == .enum ? parameter.values : ["false", "true"]
            return values.first { !ByteOrder.same($0, value) } ?? value
        case .integer:
            guard let number = classifier.checker.integer(value) else { return value }
            if number < (parameter.maximum ?? spec.integer.maximum) { return String(number + 1) }
            return number > (parameter.minimum ?? spec.integer.minimum) ? String(number - 1) : value
        default:
            return value + "2"
        }
    }

    /// A value the parameter rejects, if any exists (free text accepts everything).
    func invalidScalar(_ parameter: ParameterSpec, _ source: ChoiceSource) -> String? {
        if parameter.role == .cursor { return CursorMutator().garbage(using: source) }
        switch parameter.type {
        case .integer: return "abc"
        case .enum, .boolean:
            return EnumViolations.value("unknown", base: parameter.values.first ?? "", values: parameter.values, source)
        default: return nil
        }
    }

    /// A value of about `length` bytes: leading zeros for integers, repeated text otherwise.
    func longValue(_ parameter: ParameterSpec, length: Int, _ source: ChoiceSource) -> String {
        let base = parameter.isList ? valid.item(parameter, source) : (valid.scalar(parameter, source) ?? "a")
        if parameter.valueType == .integer {
            return String(repeating: "0", count: length) + base
        }
        if let grammarName = parameter.grammarName, let builder = valid.grammars[grammarName],
           builder.grammar.fields.first?.values.isEmpty == true {
            var parts = builder.validParts(source)
            parts[0] = String(repeating: "a", count: length)
            return builder.join(parts)
        }
        let unit = base.isEmpty ? "a" : base
        return String(repeating: unit, count: max(1, length / max(1, unit.utf8.count)))
    }

    /// The encoded wire value of a unicode or raw-byte variant of `base`.
    func unicodeWire(_ base: String, variant: String, _ source: ChoiceSource) -> String {
        let encoded = QueryCodec.encode(base)
        switch variant {
        case "emoji": return QueryCodec.encode(base + "\u{1F600}")
        case "rtl-override": return QueryCodec.encode("\u{202E}" + base)
        case "combining": return QueryCodec.encode(base + "\u{0301}\u{0308}")
        case "nul": return encoded + "%00"
        case "invalid-utf8": return encoded + "%C3%28"
        case "raw-separators":
            let raw = encoded.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%7C", with: "|")
            return raw == encoded ? raw + source.pick(from: ["|", ":", "|:"]) : raw
        default:
            return encoded + source.pick(from: ["%", "%zz", "%4"])
        }
    }

    /// An undeclared name: an unknown word, a declared name upper-cased, with `[]`, or with a trailing space.
    func unknownParameter(label: inout CaseLabel, _ source: ChoiceSource) -> PairGroup {
        let variant = source.draw(below: Self.unknownVariants.count)
        label.detail = Self.unknownVariants[variant]
        let declared = source.pick(from: spec.parameters).name
        let name: String
        switch variant {
        case 0: name = source.pick(from: ["convfuzz_unknown", "x", "_", "unknown_param"])
        case 1: name = declared.uppercased()
        case 2: name = declared + "[]"
        default: name = declared + " "
        }
        return PairGroup(order: Int.max, pairs: [WirePair.encoding(name, "1")])
    }
}
