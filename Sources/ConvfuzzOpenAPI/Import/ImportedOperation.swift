import ConvfuzzSpec

/// One operation of an OpenAPI document, read into convfuzz's own model.
///
/// Everything here is what the document states; nothing is guessed. Guesses (pagination fields)
/// and gaps (filter meaning, grammars, order, relations) are the draft writer's business.
public struct ImportedOperation: Sendable {
    /// The document file, as given.
    public var file: String
    /// `GET`, `POST`, …
    public var method: String
    /// The path template, e.g. `/v1/convai/conversations`.
    public var path: String
    /// The operation id, if any.
    public var operationID: String?
    /// The document's `info.version`.
    public var documentVersion: String
    /// The query parameters, in document order.
    public var parameters: [ParameterSpec]
    /// The header carrying the API key (a security scheme, or a header parameter whose name says key/token/authorization).
    public var authHeader: String?
    /// The first 2xx status with a JSON body.
    public var successStatus: Int
    /// The success body schema.
    public var responseSchema: SchemaNode?
    /// Schemas `responseSchema` refers to, by component name, in first-reference order.
    public var definitions: [(name: String, schema: SchemaNode)]
    /// A 4xx status documented for validation errors (422 or 400), if any.
    public var validationStatus: Int?
    /// Things the importer read but could not represent, one line each.
    public var notes: [String]

    /// The definitions as a dictionary, the shape `ResponseSpec` uses.
    public var definitionMap: [String: SchemaNode] {
        Dictionary(definitions.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
    }

    /// The parameter named `name`.
    public func parameter(named name: String) -> ParameterSpec? {
        parameters.first { $0.name == name }
    }
}
