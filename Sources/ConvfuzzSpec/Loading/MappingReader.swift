/// Reads one YAML mapping field by field and rejects keys nobody asked for.
///
/// Every accessor throws a `SpecError` that names the file and the line of the
/// offending key or value, so a typo in a spec is reported where it is.
public struct MappingReader: Sendable {
    /// The file the mapping came from.
    public let file: String
    /// The line of the mapping itself.
    public let line: Int
    /// Where the mapping sits in the document, e.g. `parameters[3]`, for messages.
    public let path: String
    private let pairs: [(key: String, keyLine: Int, value: YAMLNode)]

    /// Wraps a node that must be a mapping.
    public init(_ node: YAMLNode, file: String, path: String) throws(SpecError) {
        guard case .mapping(let pairs, let line) = node else {
            throw SpecError(file: file, line: node.line, message: "\(path) must be a mapping, found \(node.kindName)")
        }
        self.file = file
        self.line = line
        self.path = path
        self.pairs = pairs
    }

    /// All keys in source order.
    public var keys: [String] { pairs.map(\.key) }

    /// The raw node under `key`, if present.
    public func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    /// The line of `key`, or of the mapping when the key is absent.
    public func lineOf(_ key: String) -> Int {
        pairs.first { $0.key == key }?.keyLine ?? line
    }

    /// Fails when the mapping holds a key outside `allowed`.
    public func rejectUnknownKeys(_ allowed: Set<String>) throws(SpecError) {
        for pair in pairs where !allowed.contains(pair.key) {
            let known = allowed.sorted().joined(separator: ", ")
            let hint = ClosestName.to(pair.key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
            throw SpecError(file: file, line: pair.keyLine, message: "unknown key '\(pair.key)' in \(path) (\(hint)known: \(known))")
        }
    }

    /// An error at `key`'s line.
    public func error(_ key: String, _ message: String) -> SpecError {
        SpecError(file: file, line: lineOf(key), message: message)
    }

    /// A required string.
    public func string(_ key: String) throws(SpecError) -> String {
        guard let value = try optionalString(key) else { throw error(key, "\(path) needs '\(key)'") }
        return value
    }

    /// An optional string.
    public func optionalString(_ key: String) throws(SpecError) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let text, _, _) = node else {
            throw SpecError(file: file, line: node.line, message: "\(path).\(key) must be a string, found \(node.kindName)")
        }
        return text
    }

    /// An optional signed 64-bit integer.
    public func optionalInt64(_ key: String) throws(SpecError) -> Int64? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = Int64(text) else { throw error(key, "\(path).\(key) must be an integer, found '\(text)'") }
        return value
    }

    /// An optional integer.
    public func optionalInt(_ key: String) throws(SpecError) -> Int? {
        guard let value = try optionalInt64(key) else { return nil }
        return Int(value)
    }

    /// An optional number.
    public func optionalDouble(_ key: String) throws(SpecError) -> Double? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = Double(text) else { throw error(key, "\(path).\(key) must be a number, found '\(text)'") }
        return value
    }

    /// A boolean with a default.
    public func bool(_ key: String, default defaultValue: Bool) throws(SpecError) -> Bool {
        guard let text = try optionalString(key) else { return defaultValue }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(key, "\(path).\(key) must be true or false, found '\(text)'")
        }
    }

    /// A list of strings; a single scalar is accepted as a one-item list.
    public func stringList(_ key: String) throws(SpecError) -> [String]? {
        guard let node = node(key) else { return nil }
        switch node {
        case .scalar(let text, _, _):
            return [text]
        case .sequence(let items, _):
            var result: [String] = []
            for item in items {
                guard case .scalar(let text, _, _) = item else {
                    throw SpecError(file: file, line: item.line, message: "\(path).\(key) must hold strings, found \(item.kindName)")
                }
                result.append(text)
            }
            return result
        case .mapping:
            throw error(key, "\(path).\(key) must be a list of strings, found a mapping")
        }
    }

    /// A nested mapping.
    public func mapping(_ key: String) throws(SpecError) -> MappingReader? {
        guard let node = node(key) else { return nil }
        return try MappingReader(node, file: file, path: "\(path).\(key)")
    }

    /// A required nested mapping.
    public func requiredMapping(_ key: String) throws(SpecError) -> MappingReader {
        guard let reader = try mapping(key) else { throw error(key, "\(path) needs '\(key)'") }
        return reader
    }

    /// A nested list of nodes.
    public func sequence(_ key: String) throws(SpecError) -> [YAMLNode]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items, _) = node else {
            throw SpecError(file: file, line: node.line, message: "\(path).\(key) must be a list, found \(node.kindName)")
        }
        return items
    }

    /// A mapping of string to string.
    public func stringMap(_ key: String) throws(SpecError) -> [(key: String, value: String, line: Int)]? {
        guard let reader = try mapping(key) else { return nil }
        var result: [(key: String, value: String, line: Int)] = []
        for name in reader.keys {
            result.append((name, try reader.string(name), reader.lineOf(name)))
        }
        return result
    }

    /// A value that must be one of `allowed`.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(SpecError) -> T? where T.RawValue == String {
        guard let text = try optionalString(key) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(key, "\(path).\(key) has unknown value '\(text)' (allowed: \(allowed))")
        }
        return value
    }
}
