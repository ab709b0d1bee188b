/// A relation between two parameters, such as a min/max pair.
public struct RelationSpec: Sendable, Equatable {
    /// The kind of relation.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// `lower <= upper` for a non-empty result.
        case range
    }

    /// What the target does when the relation is violated by two valid values.
    public enum Conflict: String, Sendable, CaseIterable, Codable {
        /// 200 with an empty page.
        case empty
        /// A validation error.
        case invalid
    }

    /// The kind.
    public var kind: Kind
    /// The lower-bound parameter.
    public var lower: String
    /// The upper-bound parameter.
    public var upper: String
    /// What a conflict gives.
    public var onConflict: Conflict
    /// The line in the spec file.
    public var line: Int

    /// Creates a relation.
    public init(kind: Kind = .range, lower: String, upper: String, onConflict: Conflict = .empty, line: Int = 0) {
        self.kind = kind
        self.lower = lower
        self.upper = upper
        self.onConflict = onConflict
        self.line = line
    }
}
