import ConvfuzzContract
import ConvfuzzSpec

/// Raw wire pairs from a query string written as it goes on the wire.
func wire(_ query: String) -> [WirePair] {
    query.split(separator: "&", omittingEmptySubsequences: true).map { segment in
        if let equals = segment.firstIndex(of: "=") {
            return WirePair(name: String(segment[..<equals]), value: String(segment[segment.index(after: equals)...]))
        }
        return WirePair(name: String(segment), value: nil)
    }
}
