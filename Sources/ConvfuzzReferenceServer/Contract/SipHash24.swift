/// SipHash-2-4 with a 128-bit key: the cursor's MAC.
struct SipHash24: Sendable {
    let key0: UInt64
    let key1: UInt64

    /// The 64-bit tag of `bytes`.
    func tag(_ bytes: some Collection<UInt8>) -> UInt64 {
        var v0: UInt64 = 0x736F_6D65_7073_6575 ^ key0
        var v1: UInt64 = 0x646F_7261_6E64_6F6D ^ key1
        var v2: UInt64 = 0x6C79_6765_6E65_7261 ^ key0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ key1
        @inline(__always) func round() {
            v0 &+= v1; v1 = v1.rotl(13); v1 ^= v0; v0 = v0.rotl(32)
            v2 &+= v3; v3 = v3.rotl(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotl(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotl(17); v1 ^= v2; v2 = v2.rotl(32)
        }
        var word: UInt64 = 0
        var filled: UInt64 = 0
        var length: UInt64 = 0
        for byte in bytes {
            word |= UInt64(byte) << (8 * filled)
            filled += 1
            length += 1
            if filled == 8 {
                v3 ^= word; round(); round(); v0 ^= word
                word = 0
                filled = 0
            }
        }
        word |= (length & 0xFF) << 56
        v3 ^= word; round(); round(); v0 ^= word
        v2 ^= 0xFF
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotl(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
