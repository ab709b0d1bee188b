/// One way a JSON value breaks a schema node.
public struct SchemaViolation: Sendable, Hashable, Codable {
    /// What kind of rule was broken.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A required property is absent.
        case required
        /// The value has a type the node does not allow.
        case type
        /// The value is null and the node is not nullable.
        case null
        /// A string outside the node's enum.
        case `enum`
        /// A number below the minimum.
        case minimum
        /// A number above the maximum.
        case maximum
        /// An array with too few items.
        case minItems = "min_items"
        /// A property not declared by a closed object.
        case undeclared
        /// An object key that occurs twice in the body.
        case duplicateKey = "duplicate_key"
    }

    /// Where.
    public var path: JSONPath
    /// What.
    public var kind: Kind
    /// A one-line description with the offending value.
    public var message: String

    /// Creates a violation.
    public init(path: JSONPath, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    /// `path: message`.
    public var line: String { "\(path): \(message)" }

    /// The normalised path and kind, for signatures: `items[].field:type`.
    public var signatureDetail: String { "\(path.normalised):\(kind.rawValue)" }
}
