import ConvfuzzJSON

/// Why a success body could not be read as a page.
public enum PageParseFailure: Error, Sendable, Hashable {
    /// The body is not JSON (or is truncated: see `JSONParseError.isTruncation`).
    case notJSON(JSONParseError)
    /// The body is JSON but has no items array where the spec says.
    case noItems(JSONValue)
    /// The items array holds more than the spec's maximum page size (counted without parsing, up to max + 1).
    case overMaximum(Int)
}
