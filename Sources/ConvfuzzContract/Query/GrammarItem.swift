/// A grammar value split into its fields, as the target would split it.
public struct GrammarItem: Sendable, Codable, Hashable {
    /// The raw item text.
    public var raw: String
    /// Field name → text; a field whose separator never appeared is absent.
    public var fields: [String: String]

    /// Creates an item.
    public init(raw: String, fields: [String: String]) {
        self.raw = raw
        self.fields = fields
    }

    /// A field's text.
    public subscript(field: String) -> String? { fields[field] }
}
