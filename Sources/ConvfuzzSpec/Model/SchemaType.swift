/// A JSON type as a schema names it. `integer` is a number whose text has no fraction or exponent.
public enum SchemaType: String, Sendable, CaseIterable, Codable {
    /// A JSON string.
    case string
    /// A JSON number without fraction or exponent.
    case integer
    /// Any JSON number.
    case number
    /// `true` or `false`.
    case boolean
    /// A JSON object.
    case object
    /// A JSON array.
    case array
    /// `null`.
    case null
}
