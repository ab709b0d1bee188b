import Foundation

/// A spec regular expression that must match a whole value.
///
/// `@unchecked Sendable`: it holds only an `NSRegularExpression`, which is immutable and
/// documented as safe to use from several threads at once; there is no other state.
final class PatternMatcher: @unchecked Sendable {
    /// The pattern text.
    let pattern: String
    private let regex: NSRegularExpression?

    /// Compiles a pattern; an uncompilable pattern matches nothing.
    init(_ pattern: String) {
        self.pattern = pattern
        regex = try? NSRegularExpression(pattern: pattern)
    }

    /// True when the pattern matches the whole text (a match ending before a trailing newline
    /// does not count).
    func matchesWhole(_ text: String) -> Bool {
        guard let regex else { return false }
        let length = text.utf16.count
        let range = NSRange(location: 0, length: length)
        guard let match = regex.firstMatch(in: text, options: [], range: range) else { return false }
        return match.range.location == 0 && match.range.length == length
    }
}
