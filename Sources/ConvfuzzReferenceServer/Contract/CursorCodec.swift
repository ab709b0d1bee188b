/// Encodes cursors as unpadded base64url of a 37-byte payload plus an 8-byte
/// SipHash-2-4 MAC under a secret derived from the seed. Any edit, truncation or
/// foreign string fails to decode.
struct CursorCodec: Sendable {
    private static let version: UInt8 = 1
    private static let payloadLength = 37
    private let mac: SipHash24

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0xC425_0A11_7E5E_C4E7)
        mac = SipHash24(key0: random.next(), key1: random.next())
    }

    /// The cursor string for `token`.
    func encode(_ token: CursorToken) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.payloadLength + 8)
        bytes.append(Self.version | (token.position == nil ? 0x80 : 0))
        Self.append(UInt64(token.page), width: 4, to: &bytes)
        let position = token.position ?? ConversationKey(start: 0, idHigh: 0, idLow: 0)
        Self.append(UInt64(bitPattern: position.start), width: 8, to: &bytes)
        Self.append(position.idHigh, width: 8, to: &bytes)
        Self.append(position.idLow, width: 8, to: &bytes)
        Self.append(token.filterHash, width: 8, to: &bytes)
        Self.append(mac.tag(bytes), width: 8, to: &bytes)
        return Base64URL.encode(bytes)
    }

    /// The token of a cursor this codec issued, or nil.
    func decode(_ text: String) -> CursorToken? {
        guard text.utf8.count == 60, let bytes = Base64URL.decode(text), bytes.count == Self.payloadLength + 8 else {
            return nil
        }
        let payload = bytes[0..<Self.payloadLength]
        guard Self.read(bytes, at: Self.payloadLength, width: 8) == mac.tag(payload),
              bytes[0] & 0x7F == Self.version else { return nil }
        let page = UInt32(Self.read(bytes, at: 1, width: 4))
        let filterHash = Self.read(bytes, at: 29, width: 8)
        if bytes[0] & 0x80 != 0 { return CursorToken(position: nil, page: page, filterHash: filterHash) }
        let position = ConversationKey(
            start: Int64(bitPattern: Self.read(bytes, at: 5, width: 8)),
            idHigh: Self.read(bytes, at: 13, width: 8),
            idLow: Self.read(bytes, at: 21, width: 8)
        )
        return CursorToken(position: position, page: page, filterHash: filterHash)
    }

    private static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for shift in 0..<width { bytes.append(UInt8((value >> UInt64(shift * 8)) & 0xFF)) }
    }

    private static func read(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for shift in 0..<width { value |= UInt64(bytes[offset + shift]) << UInt64(shift * 8) }
        return value
    }
}
