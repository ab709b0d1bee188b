/// A problem reading an OpenAPI document or finding an operation in it.
public struct OpenAPIImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document's path as the user gave it.
    public let file: String
    /// What is wrong, in one line.
    public let message: String

    /// Creates an error about `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
