import ConvfuzzContract
import ConvfuzzGeneration

/// The cursors a walk was handed, kept as 128-bit digests (two independent 64-bit hashes) so a
/// walk of 100,000 pages holds 100,000 small values, not 100,000 cursor strings.
struct CursorDigests {
    private struct Digest: Hashable {
        let high: UInt64
        let low: UInt64
    }

    private var seen = Set<Digest>()

    /// Records a cursor; false when it was already handed out (a loop).
    mutating func insert(_ cursor: String) -> (inserted: Bool, memberAfterInsert: String) {
        var high: UInt64 = 0xcbf2_9ce4_8422_2325
        var low: UInt64 = UInt64(cursor.utf8.count)
        for byte in cursor.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            low = low &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(byte) &+ 1
        }
        let inserted = seen.insert(Digest(high: high, low: SplitMix64.mix(low))).inserted
        return (inserted, cursor)
    }
}
