/// One response header line; `name` is lowercased for lookup.
public struct HTTPResponseHeader: Sendable, Hashable {
    /// The header name, lowercased (ASCII).
    public var name: String
    /// The value with surrounding blanks removed.
    public var value: String

    /// Creates a header; the name is lowercased.
    public init(name: String, value: String) {
        self.name = name.lowercased()
        self.value = value
    }
}
