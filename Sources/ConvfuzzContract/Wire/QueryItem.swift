/// One decoded query parameter occurrence, as the target reads it.
public struct QueryItem: Sendable, Hashable, Codable {
    /// The decoded name.
    public var name: String
    /// The decoded value.
    public var value: String

    /// Creates an item.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
