/// Conversation ids: `conv_` + 20 lowercase base32 characters (100 bits).
///
/// The alphabet is sorted by code point (`2`…`7` before `a`…`z`), so the numeric
/// order of the bits equals the code-point order of the strings.
enum ConversationID {
    /// The base32 alphabet in code-point order.
    static let alphabet: [UInt8] = Array("234567abcdefghijklmnopqrstuvwxyz".utf8)
    private static let mask50: UInt64 = (1 << 50) - 1

    /// A unique id for item number `index` under `seed`: the high half is a
    /// bijection of the index on 50 bits, the low half is random.
    static func make(index: Int, seed: UInt64, random: inout SplitMix64) -> (high: UInt64, low: UInt64) {
        var x = UInt64(index) & mask50
        x = (x &* 0x2_9A3B_5C7D_1E0F) & mask50          // odd multiplier: bijective mod 2^50
        x ^= x >> 23
        x = (x &* 0x1_8F3D_6B2A_4C97) & mask50
        x ^= x >> 29
        x ^= seed & mask50
        return (x, random.next() & mask50)
    }

    /// Appends the 25 UTF-8 bytes of the id to `bytes`.
    @inline(__always)
    static func append(high: UInt64, low: UInt64, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [0x63, 0x6F, 0x6E, 0x76, 0x5F])  // "conv_"
        for shift in stride(from: 45, through: 0, by: -5) {
            bytes.append(alphabet[Int((high >> UInt64(shift)) & 31)])
        }
        for shift in stride(from: 45, through: 0, by: -5) {
            bytes.append(alphabet[Int((low >> UInt64(shift)) & 31)])
        }
    }

    /// The id as a string.
    static func string(high: UInt64, low: UInt64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        append(high: high, low: low, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
