/// A contiguous run of choices that produced one part of a case (for example one query
/// parameter), so the shrinker can delete that part by deleting its choices.
public struct ChoiceSpan: Sendable, Hashable, Codable {
    /// The first choice index.
    public var start: Int
    /// One past the last choice index.
    public var end: Int
    /// What the choices produced.
    public var label: String

    /// Creates a span.
    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}
