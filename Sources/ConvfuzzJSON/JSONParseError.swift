/// Why and where JSON text was rejected.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset (0-based) of the offending byte, or the input length for a truncation.
    public let offset: Int
    /// 1-based line (lines end at `\n`).
    public let line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public let column: Int
    /// What went wrong, e.g. `unexpected character 'x'`.
    public let message: String
    /// `true` when the input ended before the value was complete (truncated body).
    public let isTruncation: Bool

    /// Creates an error with an explicit position.
    public init(offset: Int, line: Int, column: Int, message: String, isTruncation: Bool = false) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
        self.isTruncation = isTruncation
    }

    /// Creates an error at `offset` in `bytes`, computing line and column.
    init(message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>, isTruncation: Bool = false) {
        var line = 1
        var column = 1
        var position = 0
        while position < offset && position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        self.init(offset: offset, line: line, column: column, message: message, isTruncation: isTruncation)
    }

    /// `line L, column C (offset O): message`.
    public var description: String {
        "line \(line), column \(column) (offset \(offset)): \(message)"
    }
}
