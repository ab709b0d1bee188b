/// Why shard reports cannot be merged, in one line that names the file and what is wrong.
public struct ReportMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line.
    public let description: String

    /// An error with this line.
    public init(_ description: String) {
        self.description = description
    }
}
