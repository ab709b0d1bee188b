/// The meaning of a filter: how a parameter value relates to an item's field.
public enum FilterOperator: String, Sendable, CaseIterable, Codable {
    /// The field equals the value.
    case eq
    /// The field is present, not null, and differs from the value.
    case neq
    /// The field is greater than the value.
    case gt
    /// The field is greater than or equal to the value (inclusive lower bound).
    case gte
    /// The field is less than the value.
    case lt
    /// The field is less than or equal to the value (inclusive upper bound).
    case lte
    /// The field equals one of the values.
    case `in`
    /// The field equals none of the values.
    case notIn = "not_in"
    /// The field (a list) shares at least one element with the values.
    case intersects
    /// Some text of the item contains the value, case-insensitively.
    case containsCI = "contains_ci"
    /// The field is present and not null.
    case exists
    /// The field is absent or null.
    case missing
    /// Each value is a grammar item whose own fields say what to compare.
    case grammar

    /// True for the four ordering comparisons.
    public var isComparison: Bool { [.gt, .gte, .lt, .lte].contains(self) }

    /// True for operators that take a set of values (list parameters).
    public var isSetOperator: Bool { [.in, .notIn, .intersects].contains(self) }
}
