/// Decides which list requests a chaos mode affects and rewrites their responses.
///
/// A request is affected when a SplitMix64 hash of its list-request number falls under
/// `rate`; with several modes, the affected requests take them in turn. Requests that carry a
/// chaos cursor (issued by `endless-cursor` or `cursor-cycle`) always keep that mode, so a walk
/// that entered the chaos stays in it. Deterministic: no clock, no system RNG.
struct ChaosEngine: Sendable {
    /// Conversations on a `huge-page` page.
    static let hugePageCount = 100_000
    /// Good list requests before `revoke-key` refuses the key.
    static let revokeAfter = 100
    /// The seconds `retry-after-day` asks the client to wait.
    static let dayInSeconds = 86_400
    private static let endlessPrefix = "chaos-endless-"
    private static let cyclePrefix = "chaos-cycle-"
    private static let cycleLength = 3

    let modes: [ChaosMode]
    let rate: Double
    let seed: UInt64

    /// True when no mode is configured.
    var isOff: Bool { modes.isEmpty }

    /// A cursor issued by a chaos mode.
    enum ChaosCursor: Equatable {
        /// Page `n` (1-based, after the first) of an endless walk.
        case endless(Int)
        /// Position `n` of the cycle.
        case cycle(Int)

        init?(_ token: String) {
            if token.hasPrefix(ChaosEngine.endlessPrefix), let n = Int(token.dropFirst(ChaosEngine.endlessPrefix.count)), n >= 0 {
                self = .endless(n)
            } else if token.hasPrefix(ChaosEngine.cyclePrefix), let n = Int(token.dropFirst(ChaosEngine.cyclePrefix.count)), n >= 0 {
                self = .cycle(n)
            } else {
                return nil
            }
        }
    }

    /// Removes a chaos cursor from the pairs (the contract would reject it) and returns it.
    func extractCursor(from pairs: inout [(name: String, value: String)], cursorName: String) -> ChaosCursor? {
        guard !isOff, let index = pairs.lastIndex(where: { $0.name == cursorName }),
              let cursor = ChaosCursor(pairs[index].value) else { return nil }
        pairs.removeAll { $0.name == cursorName }
        return cursor
    }

    /// The mode for list request `number` (1-based), or nil for a normal answer.
    func mode(forRequest number: Int, cursor: ChaosCursor?) -> ChaosMode? {
        switch cursor {
        case .endless: return .endlessCursor
        case .cycle: return .cursorCycle
        case nil: break
        }
        guard !isOff else { return nil }
        if modes.contains(.revokeKey) {
            if number > Self.revokeAfter { return .revokeKey }
            if modes.count == 1 { return nil }
        }
        if rate < 1 {
            let draw = Double(Self.draw(seed ^ UInt64(number) &* 0x9E37_79B9_7F4A_7C15) >> 11) / Double(1 << 53)
            guard draw < rate else { return nil }
        }
        let others = modes.filter { $0 != .revokeKey }
        return others[(number - 1) % others.count]
    }

    /// Rewrites a page for the cursor modes: `endless-cursor` shifts the items past the previous page
    /// (new ids, start times continuing the order) and always promises more; `cursor-cycle` keeps
    /// the first page and hands out the cycle's next cursor.
    func reshape(_ page: inout PageResult, cursor: inout String?, mode: ChaosMode, chaosCursor: ChaosCursor?, descending: Bool) {
        switch mode {
        case .endlessCursor:
            let number: Int
            if case .endless(let n) = chaosCursor { number = n } else { number = 0 }
            if number > 0, let first = page.items.first, let last = page.items.last {
                let span = abs(first.start - last.start) + 1
                let shift = Int64(number) * span * (descending ? -1 : 1)
                for index in page.items.indices {
                    page.items[index].start += shift
                    page.items[index].idLow ^= Self.draw(seed ^ UInt64(number)) & ((1 << 50) - 1)
                }
            }
            page.hasMore = true
            cursor = Self.endlessPrefix + String(number + 1)
        case .cursorCycle:
            let position: Int
            if case .cycle(let n) = chaosCursor { position = (n + 1) % Self.cycleLength } else { position = 0 }
            page.hasMore = true
            cursor = Self.cyclePrefix + String(position)
        default:
            break
        }
    }

    /// Applies a delivery or body mode to a finished list response.
    func apply(_ mode: ChaosMode, to response: inout ReferenceResponse) {
        switch mode {
        case .stall: response.directive = .stall
        case .trickle: response.directive = .trickle
        case .reset: response.directive = .reset
        case .truncate: response.directive = .truncate(extraBytes: 256)
        case .retryAfterDay:
            response = ReferenceResponse(status: 429, body: ResponseBodies.detail("Too Many Requests"),
                                         extraHeaders: [("Retry-After", String(Self.dayInSeconds))])
        case .revokeKey:
            response = ReferenceResponse(status: 401, body: ResponseBodies.invalidAPIKey)
        case .throttle:
            response = ReferenceResponse(status: 429, body: ResponseBodies.detail("Too Many Requests"),
                                         extraHeaders: [("Retry-After", "1")])
        case .unavailable:
            response = ReferenceResponse(status: 503, body: ResponseBodies.detail("Service Unavailable"))
        case .hugePage where response.status == 200:
            response.body = Self.hugePageBody
        case .wrongContentType where response.status == 200:
            response.contentType = "text/plain"
        case .noContentType where response.status == 200:
            response.contentType = ""
        case .invalidEncoding where response.status == 200:
            response.body = Self.corruptUTF8(response.body)
        default:
            break
        }
    }

    /// The first output of SplitMix64 seeded with `value`.
    private static func draw(_ value: UInt64) -> UInt64 {
        var random = SplitMix64(seed: value)
        return random.next()
    }

    /// `{"conversations":[…100,000 minimal items…],"has_more":false,"next_cursor":null}`, built once.
    static let hugePageBody: [UInt8] = {
        var w = JSONByteWriter(capacity: hugePageCount * 48 + 64)
        w.raw("{\"conversations\":[")
        var random = SplitMix64(seed: 0xC4A0_5)
        for index in 0..<hugePageCount {
            if index > 0 { w.raw(",") }
            w.raw("{\"conversation_id\":\"")
            ConversationID.append(high: UInt64(index), low: random.next() & ((1 << 50) - 1), to: &w.bytes)
            w.raw("\"}")
        }
        w.raw("],\"has_more\":false,\"next_cursor\":null}")
        return w.bytes
    }()

    /// The body with the byte after the first `"conv_` (or the first string's first byte) replaced by 0xFF.
    static func corruptUTF8(_ body: [UInt8]) -> [UInt8] {
        var bytes = body
        let marker = Array("\"conv_".utf8)
        if let start = firstIndex(of: marker, in: bytes) {
            bytes[start + marker.count] = 0xFF
        } else if let quote = bytes.firstIndex(of: 0x22), quote + 1 < bytes.count {
            bytes[quote + 1] = 0xFF
        }
        return bytes
    }

    private static func firstIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count > marker.count else { return nil }
        for start in 0..<(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return start }
        }
        return nil
    }
}
