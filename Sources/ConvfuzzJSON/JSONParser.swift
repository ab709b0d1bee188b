/// A strict RFC 8259 parser with byte offsets and line/column in its errors.
///
/// Accepts exactly one value with optional whitespace around it. Rejects
/// trailing commas, comments, leading zeros, NaN/Infinity, invalid escapes,
/// lone surrogates, unescaped control characters, invalid UTF-8, and nesting
/// deeper than ``maxDepth``.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    /// Parses UTF-8 bytes. Contiguous collections (`[UInt8]`, `ArraySlice`,
    /// `UnsafeBufferPointer`) are parsed in place; others are copied first.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let direct = bytes.withContiguousStorageIfAvailable { buffer in
            parseResult(buffer)
        }
        if let direct { return try direct.get() }
        return try Array(bytes).withUnsafeBufferPointer { parseResult($0) }.get()
    }

    /// Parses the UTF-8 form of `string`.
    public static func parse(_ string: String) throws(JSONParseError) -> JSONValue {
        if let direct = string.utf8.withContiguousStorageIfAvailable({ parseResult($0) }) {
            return try direct.get()
        }
        return try Array(string.utf8).withUnsafeBufferPointer { parseResult($0) }.get()
    }

    private static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONByteParser(bytes: buffer)
        do throws(JSONParseError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
