/// One request header.
///
/// A secret header (for example the API key) is sent as given but its value is
/// never printed: `description`, `debugDescription` and the reflection mirror
/// (used by `dump`) all show `***` instead of the value.
public struct HTTPHeader: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The header name as sent, e.g. `xi-api-key`.
    public var name: String
    /// The header value as sent. An empty value is sent as an empty header.
    public var value: String
    /// When true the value is redacted in every textual representation.
    public var isSecret: Bool

    /// Creates a header; `isSecret` defaults to false.
    public init(name: String, value: String, isSecret: Bool = false) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
    }

    /// The value as it may be printed: `***` for a secret header.
    public var printableValue: String { isSecret ? "***" : value }

    /// `name: value`, with the value redacted when the header is secret.
    public var description: String { "\(name): \(printableValue)" }

    /// Same as `description`; never reveals a secret value.
    public var debugDescription: String { description }

    /// A mirror that shows the redacted value, so `dump` cannot leak a secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "value": printableValue, "isSecret": isSecret])
    }
}
