import ConvfuzzSpec

/// Percent-encoding of query components and the target's decoding of a query string.
public enum QueryCodec {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes every byte outside the unreserved set `A-Z a-z 0-9 - . _ ~`.
    public static func encode(_ text: String) -> String {
        encode(bytes: Array(text.utf8))
    }

    /// Percent-encodes raw bytes (which need not be UTF-8) outside the unreserved set.
    public static func encode(bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The query string for ordered pairs, joined by `&` in order.
    public static func queryString(_ pairs: [WirePair]) -> String {
        pairs.map(\.text).joined(separator: "&")
    }

    /// The inverse of ``queryString(_:)``: an encoded query string split back into its wire pairs,
    /// byte for byte (a segment without `=` is a name without a value; empty segments are kept).
    public static func pairs(fromQuery query: String) -> [WirePair] {
        query.split(separator: "&", omittingEmptySubsequences: false).map { segment in
            if let equals = segment.firstIndex(of: "=") {
                return WirePair(name: String(segment[..<equals]), value: String(segment[segment.index(after: equals)...]))
            }
            return WirePair(name: String(segment), value: nil)
        }
    }

    /// Decodes a query string the way the spec says the target does
    /// (`application/x-www-form-urlencoded`, keeping order and repeats).
    /// Returns nil when the spec says the target rejects the encoding itself.
    public static func decode(_ query: String, wire: WireSpec) -> [QueryItem]? {
        var items: [QueryItem] = []
        for segment in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let bytes = Array(segment)
            let nameBytes: ArraySlice<UInt8>
            let valueBytes: ArraySlice<UInt8>
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                nameBytes = bytes[..<equals]
                valueBytes = bytes[(equals + 1)...]
            } else {
                nameBytes = bytes[...]
                valueBytes = []
            }
            guard let name = decodeComponent(nameBytes, wire: wire),
                  let value = decodeComponent(valueBytes, wire: wire) else { return nil }
            if value.isEmpty && !wire.keepBlankValues { continue }
            items.append(QueryItem(name, value))
        }
        return items
    }

    /// Decodes the pairs as the target would read them.
    public static func decode(_ pairs: [WirePair], wire: WireSpec) -> [QueryItem]? {
        decode(queryString(pairs), wire: wire)
    }

    static func decodeComponent(_ bytes: ArraySlice<UInt8>, wire: WireSpec) -> String? {
        // Works on bytes: percent-decoded runs must be UTF-8 (or are replaced per the spec);
        // unescaped bytes >= 0x80 are Latin-1 characters or UTF-8 text, as the spec says.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var run: [UInt8] = []
        func flush() -> Bool {
            guard !run.isEmpty else { return true }
            defer { run.removeAll(keepingCapacity: true) }
            if String(validating: run, as: UTF8.self) != nil {
                out.append(contentsOf: run)
                return true
            }
            guard wire.invalidUTF8Replace else { return false }
            out.append(contentsOf: String(decoding: run, as: UTF8.self).utf8)
            return true
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                run.append(high << 4 | low)
                index += 3
                continue
            }
            if byte == UInt8(ascii: "%") && !wire.invalidPercentLiteral { return nil }
            if byte >= 0x80 && !wire.rawBytesLatin1 {
                run.append(byte)
                index += 1
                continue
            }
            guard flush() else { return nil }
            if byte == UInt8(ascii: "+") && wire.plusIsSpace {
                out.append(UInt8(ascii: " "))
            } else if byte >= 0x80 {
                out.append(0xC0 | byte >> 6)
                out.append(0x80 | byte & 0x3F)
            } else {
                out.append(byte)
            }
            index += 1
        }
        guard flush() else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
