/// A problem in a spec or profile file, always located as `file:line: message`.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error at a location.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message` (`file: message` when the problem is the file itself, line 0).
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
