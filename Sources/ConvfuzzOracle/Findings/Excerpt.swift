import ConvfuzzJSON

/// Short, printable body excerpts for evidence.
public enum Excerpt {
    /// The longest excerpt in characters.
    public static let limit = 600

    /// Up to ``limit`` characters of `body` centred on the byte `offset` (or from the start).
    /// Invalid UTF-8 becomes U+FFFD; never traps.
    public static func of(_ body: [UInt8], around offset: Int? = nil) -> String {
        guard !body.isEmpty else { return "" }
        let center = min(max(offset ?? 0, 0), body.count)
        let byteWindow = limit
        var start = offset == nil ? 0 : max(0, center - byteWindow / 2)
        let end = min(body.count, start + byteWindow)
        start = max(0, min(start, end - byteWindow))
        let text = String(decoding: body[start..<end], as: UTF8.self)
        let clipped = clip(text)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < body.count ? "…" : ""
        return prefix + clipped + suffix
    }

    /// `text` cut to ``limit`` characters (with a trailing ellipsis when cut).
    public static func clip(_ text: String) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// The compact JSON of a value, clipped.
    public static func json(_ value: JSONValue) -> String {
        clip(JSONWriter.compact.string(value))
    }
}
