extension JSONObject: Hashable {
    /// Content equality: same keys with equal values, in any order.
    /// ``JSONObject/duplicateKeys`` does not take part.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Order-independent hash, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        var combined: UInt = 0
        for entry in entries {
            var entryHasher = Hasher()
            entryHasher.combine(entry.key)
            entryHasher.combine(entry.value)
            combined &+= UInt(bitPattern: entryHasher.finalize())
        }
        hasher.combine(entries.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object with keys in literal order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
