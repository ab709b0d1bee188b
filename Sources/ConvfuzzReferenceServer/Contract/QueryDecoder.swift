/// Decodes a query string exactly like Starlette/FastAPI:
/// `urllib.parse.parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)`.
///
/// - Split on `&`; empty segments are skipped.
/// - Split each segment at the first `=`; without `=` the value is empty.
/// - `+` becomes a space, then `%XY` (two hex digits) is decoded; a stray or
///   invalid `%` stays literal.
/// - Runs of ASCII are decoded as UTF-8 with invalid sequences replaced by
///   U+FFFD (Python's `errors="replace"`). A raw byte ≥ 0x80 (never valid in a
///   URL) is taken as its Latin-1 code point, as Starlette's Latin-1 decoding does.
public enum QueryDecoder {
    /// Decodes `query` (the bytes after `?`, without the fragment) into ordered pairs.
    public static func decode(_ query: some Collection<UInt8>) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        let bytes = Array(query)
        var segmentStart = 0
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x26 {
                if index > segmentStart {
                    pairs.append(decodeSegment(bytes[segmentStart..<index]))
                }
                segmentStart = index + 1
            }
            index += 1
        }
        return pairs
    }

    /// Decodes the query part of a string.
    public static func decode(_ query: String) -> [(name: String, value: String)] {
        decode(Array(query.utf8))
    }

    private static func decodeSegment(_ segment: ArraySlice<UInt8>) -> (name: String, value: String) {
        if let equals = segment.firstIndex(of: 0x3D) {
            return (component(segment[segment.startIndex..<equals]), component(segment[(equals + 1)...]))
        }
        return (component(segment), "")
    }

    /// Decodes one name or value.
    static func component(_ raw: ArraySlice<UInt8>) -> String {
        var needsWork = false
        for byte in raw where byte == 0x2B || byte == 0x25 || byte >= 0x80 {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: raw, as: UTF8.self) }
        var result = ""
        var run: [UInt8] = []
        for byte in raw {
            if byte >= 0x80 {
                if !run.isEmpty {
                    result += unquoteASCII(run)
                    run.removeAll(keepingCapacity: true)
                }
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                run.append(byte == 0x2B ? 0x20 : byte)
            }
        }
        if !run.isEmpty { result += unquoteASCII(run) }
        return result
    }

    /// Percent-decodes an ASCII run and decodes the bytes as UTF-8 with replacement.
    private static func unquoteASCII(_ run: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(run.count)
        var index = 0
        while index < run.count {
            let byte = run[index]
            if byte == 0x25, index + 2 < run.count, let high = hexValue(run[index + 1]),
               let low = hexValue(run[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
