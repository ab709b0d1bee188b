/// What a spec says each profile pool may hold: the pools it knows and the type of the parameters
/// each pool feeds. Used to check a profile like a spec (``TargetProfile/load(text:file:spec:)``).
import Foundation

struct ProfilePoolKinds: Sendable {
    /// Pool name → the types of the values it feeds (empty: any text).
    private var kinds: [String: [ValueKind]] = [:]
    private let integerPattern: String

    /// The type of one use of a pool.
    enum ValueKind: Sendable, Equatable {
        case text
        case integer
        case boolean
        case oneOf([String])
    }

    init(spec: Spec) {
        integerPattern = spec.integer.pattern
        for parameter in spec.parameters {
            if let pool = parameter.pool { kinds[pool, default: []].append(Self.kind(parameter.type, values: parameter.values)) }
            if let items = parameter.items, let pool = items.pool {
                kinds[pool, default: []].append(Self.kind(items.type, values: items.values))
            }
        }
        for grammar in spec.grammars.values {
            for field in grammar.fields { if let pool = field.pool { kinds[pool, default: []].append(.text) } }
        }
        for (pool, _) in spec.discoveryPools where kinds[pool] == nil { kinds[pool] = [] }
        for (pool, _) in spec.hiddenPools where kinds[pool] == nil { kinds[pool] = [] }
    }

    private static func kind(_ type: ParameterType, values: [String]) -> ValueKind {
        switch type {
        case .integer: return .integer
        case .boolean: return .boolean
        case .enum: return .oneOf(values)
        case .string, .list: return .text
        }
    }

    // MARK: Checking

    /// Checks one pool of `pools`: a known name, a list of strings, values of the right type.
    func check(pool name: String, in pools: MappingReader) throws(SpecError) {
        guard let uses = kinds[name] else {
            throw pools.error(name, "unknown pool '\(name)' in profile.pools\(ClosestName.hint(name, in: kinds.keys)); "
                              + "the spec's pools are " + kinds.keys.sorted().joined(separator: ", "))
        }
        let items = try Self.strings(name, in: pools, path: "profile.pools")
        for (value, line) in items {
            if uses.contains(.integer), value.range(of: integerPattern, options: .regularExpression) == nil {
                throw SpecError(file: pools.file, line: line,
                                message: "profile.pools.\(name) feeds integer parameters, so '\(value)' does not fit: give integers such as 42")
            }
            if uses.contains(.boolean), value != "true", value != "false" {
                throw SpecError(file: pools.file, line: line, message: "profile.pools.\(name) feeds a boolean parameter: give true or false, not '\(value)'")
            }
            for case .oneOf(let allowed) in uses where !allowed.isEmpty && !allowed.contains(value) {
                throw SpecError(file: pools.file, line: line,
                                message: "profile.pools.\(name): '\(value)' is not one of the spec's values (\(allowed.joined(separator: ", ")))"
                                    + ClosestName.hint(value, in: allowed))
            }
            if uses.allSatisfy({ $0 == .text }), let number = Self.unquotedNonText(value, line: line, in: pools, key: name) {
                throw SpecError(file: pools.file, line: line,
                                message: "profile.pools.\(name) holds text, but \(number) is a YAML \(Self.scalarKind(number)); "
                                    + "quote it (\"\(number)\") if it really is the value")
            }
        }
    }

    /// Checks that `name` in `mapping` is a list of strings (for `id_values`).
    static func requireStrings(_ name: String, in mapping: MappingReader) throws(SpecError) {
        _ = try strings(name, in: mapping, path: "profile.id_values")
    }

    /// The values of a list of scalars with their lines; anything else is an error naming what was found.
    private static func strings(_ name: String, in mapping: MappingReader, path: String) throws(SpecError) -> [(String, Int)] {
        guard let node = mapping.node(name) else { return [] }
        switch node {
        case .sequence(let items, _):
            var out: [(String, Int)] = []
            for item in items {
                guard case .scalar(let text, let line, _) = item else {
                    throw SpecError(file: mapping.file, line: item.line, message: "\(path).\(name) must be a list of values, found \(item.kindName) in it")
                }
                out.append((text, line))
            }
            return out
        case .scalar(let text, let line, _):
            throw SpecError(file: mapping.file, line: line,
                            message: "\(path).\(name) must be a list, found the single value \(text); write [\(text)] or a '- \(text)' line")
        case .mapping:
            throw mapping.error(name, "\(path).\(name) must be a list of values, found a mapping")
        }
    }

    /// The value when YAML would read it as a number or a boolean because it was not quoted.
    private static func unquotedNonText(_ value: String, line: Int, in mapping: MappingReader, key: String) -> String? {
        guard case .sequence(let items, _)? = mapping.node(key) else { return nil }
        for case .scalar(let text, let itemLine, let quoted) in items where text == value && itemLine == line && !quoted {
            if Double(text) != nil || ["true", "false", "yes", "no", "null", "~"].contains(text.lowercased()) { return text }
        }
        return nil
    }

    private static func scalarKind(_ text: String) -> String {
        Double(text) != nil ? "number" : (text == "null" || text == "~" ? "null" : "boolean")
    }
}
