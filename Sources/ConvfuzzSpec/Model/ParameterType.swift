/// The wire type of a query parameter or of a list parameter's items.
public enum ParameterType: String, Sendable, CaseIterable, Codable {
    /// Any text.
    case string
    /// A signed integer in the spec's integer grammar.
    case integer
    /// One of a closed set of case-sensitive values.
    case `enum`
    /// `true` or `false`.
    case boolean
    /// A repeated key; each occurrence is one item.
    case list
}
