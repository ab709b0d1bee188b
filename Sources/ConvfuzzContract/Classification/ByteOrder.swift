/// Orders and de-duplicates strings by their UTF-8 bytes, never by Unicode canonical
/// equivalence, so results are identical on every platform and distinct encodings stay distinct.
public enum ByteOrder {
    /// Sorted by UTF-8 bytes, byte-identical duplicates removed.
    public static func sortedUnique(_ values: [String]) -> [String] {
        let sorted = values.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var out: [String] = []
        var previous: [UInt8]?
        for bytes in sorted where bytes != previous {
            out.append(String(decoding: bytes, as: UTF8.self))
            previous = bytes
        }
        return out
    }

    /// At most `cap` values, evenly spaced over the ordered input (keeps both ends).
    public static func capped(_ values: [String], cap: Int) -> [String] {
        guard values.count > cap, cap > 0 else { return cap <= 0 ? [] : values }
        if cap == 1 { return [values[0]] }
        return (0..<cap).map { values[$0 * (values.count - 1) / (cap - 1)] }
    }

    /// Byte equality.
    public static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }
}
