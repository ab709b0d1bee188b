/// The class of a generated case: what the generator set out to exercise.
///
/// The class is the generator's intent; the expected outcome is derived
/// separately from the exact wire pairs (see `Expectation`).
public enum CaseKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Valid values for every parameter sent.
    case valid
    /// A valid semantic neighbour of a real value: another unit, every enum value or all but one,
    /// an empty text with a declared meaning, an id's prefix or case flip (see `SemanticNeighbours`).
    case neighbour
    /// A value exactly on a declared bound.
    case boundaryAt = "boundary-at"
    /// A value one past a declared bound.
    case boundaryOutside = "boundary-outside"
    /// A value one inside a declared bound.
    case boundaryInside = "boundary-inside"
    /// A value of the wrong shape for an integer (decimal, exponent, spaces, huge, empty …).
    case typeViolation = "type-violation"
    /// A value outside an enum (unknown, case variant, look-alike, empty).
    case enumViolation = "enum-violation"
    /// A grammar item that breaks its grammar.
    case grammarViolation = "grammar-violation"
    /// A grammar item at the edge of its grammar but valid (colons in values, empty eq value …).
    case grammarEdge = "grammar-edge"
    /// A list parameter with none, one, many, duplicate or too many items.
    case listShape = "list-shape"
    /// Two conflicting relation bounds (lower above upper).
    case relationConflict = "relation-conflict"
    /// A repeated scalar, unknown parameter, very long or unusual unicode value.
    case shape
    /// A cursor the target did not issue (garbage, truncated, tampered).
    case cursorInvalid = "cursor-invalid"
    /// An input real stacks break on, per declared type (see `AdversarialValues`): lenient integer
    /// spellings, backend metacharacters and Unicode case in text, a separator inside a list value, a
    /// decimal bound at the edge of exact comparison, a re-spelled or doubly wrong cursor.
    case adversarial
}
