/// Errors of the reference server, with a readable message.
public struct ReferenceServerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
