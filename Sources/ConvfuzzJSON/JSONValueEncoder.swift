/// Turns any `Encodable` value into a ``JSONValue``, so that ``JSONWriter`` writes every file and
/// report of the harness (Foundation's `JSONEncoder` does not keep key order on Linux).
///
/// Keys keep the order the value encodes them in; write with `JSONWriter(sortedKeys: true)` for
/// byte-sorted keys. `nil` optionals are left out (as synthesized `Codable` asks), integers are
/// written exactly, doubles by their shortest round-tripping text; a non-finite double is an error.
public struct JSONValueEncoder: Sendable {
    /// Why a value cannot be encoded.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// One line naming the problem and where.
        public var description: String
    }

    /// Creates an encoder.
    public init() {}

    /// The JSON value of `value`.
    public func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let node = Node()
        try node.store(value, codingPath: [])
        return node.resolved
    }
}

// MARK: - Tree under construction

/// One value being built; containers hold child nodes filled later by the value's `encode(to:)`.
private final class Node {
    private enum Content {
        case empty
        case value(JSONValue)
        case object([(key: String, node: Node)])
        case array([Node])
    }

    private var content = Content.empty

    var resolved: JSONValue {
        switch content {
        case .empty: return .object(JSONObject())
        case .value(let value): return value
        case .object(let members): return .object(JSONObject(members.map { (key: $0.key, value: $0.node.resolved) }))
        case .array(let nodes): return .array(nodes.map(\.resolved))
        }
    }

    func set(_ value: JSONValue) { content = .value(value) }

    func makeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    /// The child for a key (replacing an earlier one with the same key).
    func child(forKey key: String) -> Node {
        makeObject()
        guard case .object(var members) = content else { return Node() }
        let node = Node()
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].node = node
        } else {
            members.append((key, node))
        }
        content = .object(members)
        return node
    }

    /// A new last element.
    func appendChild() -> Node {
        makeArray()
        guard case .array(var nodes) = content else { return Node() }
        let node = Node()
        nodes.append(node)
        content = .array(nodes)
        return node
    }

    var count: Int {
        if case .array(let nodes) = content { return nodes.count }
        return 0
    }

    /// Stores a value: scalars directly, anything else through its own `encode(to:)`.
    func store<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: set(.string(text))
        case let flag as Bool: set(.bool(flag))
        case let number as Int: set(.number(JSONNumber(number)))
        case let number as Int8: set(.number(JSONNumber(Int64(number))))
        case let number as Int16: set(.number(JSONNumber(Int64(number))))
        case let number as Int32: set(.number(JSONNumber(Int64(number))))
        case let number as Int64: set(.number(JSONNumber(number)))
        case let number as UInt: try setUnsigned(UInt64(number), codingPath)
        case let number as UInt8: set(.number(JSONNumber(Int64(number))))
        case let number as UInt16: set(.number(JSONNumber(Int64(number))))
        case let number as UInt32: set(.number(JSONNumber(Int64(number))))
        case let number as UInt64: try setUnsigned(number, codingPath)
        case let number as Double: try setDouble(number, codingPath)
        case let number as Float: try setDouble(Double(number), codingPath)
        default: try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }
    }

    private func setUnsigned(_ value: UInt64, _ codingPath: [any CodingKey]) throws {
        guard let number = JSONNumber(text: String(value)) else {
            throw JSONValueEncoder.Failure(description: "\(Node.path(codingPath)): \(value) is not a JSON number")
        }
        set(.number(number))
    }

    private func setDouble(_ value: Double, _ codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw JSONValueEncoder.Failure(description: "\(Node.path(codingPath)): \(value) has no JSON form")
        }
        set(.number(JSONNumber(value)))
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "value" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

// MARK: - Encoder and containers

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { intValue = Int(stringValue) }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.child(forKey: key.stringValue).set(.null)
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws {
        node.appendChild().set(.null)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let index = node.count
        try node.appendChild().store(value, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = node.count
        let child = node.appendChild()
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [IndexKey(index)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = node.count
        let child = node.appendChild()
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func superEncoder() -> any Encoder {
        let index = node.count
        return TreeEncoder(node: node.appendChild(), codingPath: codingPath + [IndexKey(index)])
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.set(.null)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try node.store(value, codingPath: codingPath)
    }
}
