/// What a grammar's dependent value field must look like for a group of selector values.
public enum GrammarValueKind: String, Sendable, CaseIterable, Codable {
    /// Required, any text, possibly empty.
    case any
    /// Required and matching the rule's `pattern`.
    case decimal
    /// Required, a `list_separator`-separated list.
    case list
    /// Absent, or present and empty.
    case none
}
