/// One query parameter occurrence exactly as it goes on the wire (already encoded).
///
/// The generator builds these so it can send what a polite client would not:
/// raw `|` and `:`, stray `%`, a name without `=`.
public struct WirePair: Sendable, Hashable, Codable {
    /// The encoded name.
    public var name: String
    /// The encoded value; nil sends the bare name with no `=`.
    public var value: String?

    /// Creates a pair from encoded text.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    /// A pair from plain text, percent-encoded politely.
    public static func encoding(_ name: String, _ value: String) -> WirePair {
        WirePair(name: QueryCodec.encode(name), value: QueryCodec.encode(value))
    }

    /// `name=value`, or `name` when there is no value.
    public var text: String { value.map { "\(name)=\($0)" } ?? name }
}
