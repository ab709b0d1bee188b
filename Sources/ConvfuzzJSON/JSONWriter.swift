/// A deterministic JSON serialiser.
///
/// Numbers are written from their raw text, strings as UTF-8 with `"`, `\`
/// and control characters escaped (`/` is never escaped). Keys keep source
/// (insertion) order unless ``sortedKeys`` is set, which orders them by their
/// UTF-8 bytes, independent of locale.
public struct JSONWriter: Sendable {
    /// Layout of the output.
    public var style: Style
    /// Order object keys by UTF-8 bytes instead of insertion order.
    public var sortedKeys: Bool

    /// Compact output in insertion order.
    public static let compact = JSONWriter()
    /// Two-space indented output in insertion order.
    public static let pretty = JSONWriter(style: .pretty)

    /// Creates a writer.
    public init(style: Style = .compact, sortedKeys: Bool = false) {
        self.style = style
        self.sortedKeys = sortedKeys
    }

    /// The UTF-8 bytes of `value`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output, level: 0)
        return output
    }

    /// The text of `value`.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }
}

// MARK: - Style

extension JSONWriter {
    /// Output layout.
    public enum Style: Sendable, Hashable {
        /// No whitespace at all: `{"a":[1,2]}`.
        case compact
        /// Newlines and two-space indentation, `": "` after keys; empty
        /// containers stay `[]` and `{}`.
        case pretty
    }
}
