import ConvfuzzContract
import ConvfuzzSpec

/// Tampered versions of a real cursor, deterministic from choices: a cursor the runner got
/// from a response becomes a truncated, bit-flipped or extended value the target never issued
/// (the classifier still checks the `CursorBook`, in case a mutation hits a real cursor).
public struct CursorMutator: Sendable {
    /// The mutations, simplest first.
    public static let details = ["truncated", "bit-flipped", "extended"]
    /// Characters appended by `extended`, and used for garbage cursors.
    public static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
    /// Characters appended to extend a cursor (the base64url alphabet without padding).
    public static let `extension` = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// Creates a mutator.
    public init() {}

    /// The encoded wire value of a mutation of `cursor`.
    ///
    /// - `truncated`: a proper prefix (possibly empty).
    /// - `bit-flipped`: one bit of one byte flipped (invalid UTF-8 is sent percent-encoded).
    /// - `extended`: one to eight characters appended.
    public func mutate(_ cursor: String, detail: String, using source: ChoiceSource) -> String {
        var bytes = Array(cursor.utf8)
        switch detail {
        case "truncated" where !bytes.isEmpty:
            // Cut at least four characters (a whole base64 quantum) so that the decoded payload
            // really changes: dropping only padding or a partial quantum can decode to the same bytes.
            let keep = bytes.count > 4 ? source.draw(below: bytes.count - 3) : source.draw(below: bytes.count)
            bytes.removeLast(bytes.count - keep)
        case "bit-flipped" where !bytes.isEmpty:
            // Stay clear of the last four characters, whose low bits may be base64 padding
            // that a lenient decoder ignores.
            let position = bytes.count > 4 ? source.draw(below: bytes.count - 4) : source.draw(below: bytes.count)
            bytes[position] ^= UInt8(1) << UInt8(source.draw(below: 8))
        default:
            // Whole base64 characters, never padding: extra `=` is ignored by lenient decoders.
            // Inserted before any trailing padding, which lenient decoders treat as the end.
            let count = 4 + source.draw(below: 8)
            var padding = 0
            while padding < bytes.count && bytes[bytes.count - 1 - padding] == UInt8(ascii: "=") { padding += 1 }
            var added: [UInt8] = []
            for _ in 0..<count { added.append(contentsOf: String(source.pick(from: Self.extension)).utf8) }
            bytes.insert(contentsOf: added, at: bytes.count - padding)
        }
        return QueryCodec.encode(bytes: bytes)
    }

    /// A garbage cursor of 4 to 43 characters from `alphabet`.
    public func garbage(using source: ChoiceSource) -> String {
        let count = 4 + source.draw(below: 40)
        return String((0..<count).map { _ in source.pick(from: Self.alphabet) })
    }
}
