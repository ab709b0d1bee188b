import Foundation

/// Validates regular expressions written in a spec.
enum PatternCheck {
    static func validate(_ pattern: String, reader: MappingReader, key: String) throws(SpecError) {
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            throw reader.error(key, "\(reader.path).\(key) is not a valid regular expression: '\(pattern)'")
        }
    }
}
