import ConvfuzzSpec

/// Tampered versions of a real cursor, deterministic from choices: a cursor the runner got
/// from a response becomes a truncated, bit-flipped or extended value the target never issued
/// (the classifier still checks the `CursorBook`, in case a mutation hits a real cursor).
public struct CursorMutator: Sendable {
    /// The mutations, simplest first.
    public static let details = ["truncated", "bit-flipped", "extended"]
    /// Characters appended by `extended`, and used for garbage cursors.
    public static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")

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
            bytes.removeLast(bytes.count - source.draw(below: bytes.count))
        case "bit-flipped" where !bytes.isEmpty:
            let position = source.draw(below: bytes.count)
            bytes[position] ^= UInt8(1) << UInt8(source.draw(below: 8))
        default:
            let count = 1 + source.draw(below: 8)
            for _ in 0..<count { bytes.append(contentsOf: String(source.pick(from: Self.alphabet)).utf8) }
        }
        return QueryCodec.encode(bytes: bytes)
    }

    /// A garbage cursor of 4 to 43 characters from `alphabet`.
    public func garbage(using source: ChoiceSource) -> String {
        let count = 4 + source.draw(below: 40)
        return String((0..<count).map { _ in source.pick(from: Self.alphabet) })
    }
}
