/// What the target accepts as an integer.
public struct IntegerSpec: Sendable, Equatable {
    /// A regular expression for the whole text.
    public var pattern: String
    /// The smallest representable value.
    public var minimum: Int64
    /// The largest representable value.
    public var maximum: Int64

    /// Creates an integer spec.
    public init(pattern: String = "^[+-]?[0-9]+$", minimum: Int64 = .min, maximum: Int64 = .max) {
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
    }
}
