/// The success response contract and the validation-error contract.
public struct ResponseSpec: Sendable, Equatable {
    /// The success status.
    public var status: Int
    /// The success body schema.
    public var schema: SchemaNode
    /// Named schemas referenced by `ref`.
    public var definitions: [String: SchemaNode]
    /// The validation-error body schema.
    public var errorSchema: SchemaNode
    /// The media type of a success body (`response.media_type`, default `application/json`), lower case.
    public var mediaType: String

    /// Creates a response spec.
    public init(status: Int, schema: SchemaNode, definitions: [String: SchemaNode], errorSchema: SchemaNode,
                mediaType: String = "application/json") {
        self.status = status
        self.mediaType = mediaType
        self.schema = schema
        self.definitions = definitions
        self.errorSchema = errorSchema
    }

    /// Follows `ref` links to the concrete node.
    public func resolve(_ node: SchemaNode) -> SchemaNode {
        node.resolved(in: definitions)
    }
}
