/// Whether a filter's effect can be checked on each returned item.
public enum FilterVisibility: String, Sendable, CaseIterable, Codable {
    /// The item carries the filtered field.
    case visible = "true"
    /// Only relations between result sets can check it.
    case hidden = "false"
    /// Visible once a helper parameter asks for per-id results.
    case viaResults = "via_results"
}
