/// What a response-shaping value requires of a field in every item.
public enum ProjectionRule: String, Sendable, CaseIterable, Codable {
    /// The key is absent, or present with null.
    case absentOrNull = "absent_or_null"
    /// The key is present (any value, null included).
    case present
    /// The key is absent.
    case absent
}
