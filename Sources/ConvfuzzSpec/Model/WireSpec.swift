/// How query values travel and how the target decodes them.
public struct WireSpec: Sendable, Equatable {
    /// How a repeated scalar is read.
    public enum RepeatedScalar: String, Sendable, CaseIterable, Codable {
        /// The last occurrence counts.
        case last
        /// The first occurrence counts.
        case first
        /// A repeated scalar is invalid.
        case invalid
    }

    /// What the target does with a parameter it does not know.
    public enum UnknownParameters: String, Sendable, CaseIterable, Codable {
        /// Ignore it.
        case ignore
        /// Reject the request.
        case reject
    }

    /// How a repeated scalar is read.
    public var repeatedScalar: RepeatedScalar
    /// Unknown parameters.
    public var unknownParameters: UnknownParameters
    /// `+` decodes to a space.
    public var plusIsSpace: Bool
    /// A `%` not followed by two hex digits stays literal (otherwise the request is malformed).
    public var invalidPercentLiteral: Bool
    /// Invalid UTF-8 after decoding becomes U+FFFD (otherwise the request is malformed).
    public var invalidUTF8Replace: Bool
    /// `name=` is a present, empty value (otherwise it is dropped).
    public var keepBlankValues: Bool
    /// Unescaped bytes of 0x80 and above are read as Latin-1 characters (Starlette/FastAPI),
    /// otherwise as part of the UTF-8 text.
    public var rawBytesLatin1: Bool

    /// Creates a wire spec.
    public init(repeatedScalar: RepeatedScalar = .last, unknownParameters: UnknownParameters = .ignore,
                plusIsSpace: Bool = true, invalidPercentLiteral: Bool = true, invalidUTF8Replace: Bool = true,
                keepBlankValues: Bool = true, rawBytesLatin1: Bool = true) {
        self.repeatedScalar = repeatedScalar
        self.unknownParameters = unknownParameters
        self.plusIsSpace = plusIsSpace
        self.invalidPercentLiteral = invalidPercentLiteral
        self.invalidUTF8Replace = invalidUTF8Replace
        self.keepBlankValues = keepBlankValues
        self.rawBytesLatin1 = rawBytesLatin1
    }
}
