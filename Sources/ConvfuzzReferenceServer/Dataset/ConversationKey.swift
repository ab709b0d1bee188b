/// A position in the order: start time, then conversation id.
///
/// Ids are fixed-length and drawn from an alphabet sorted by code point, so
/// comparing the 100-bit id numbers compares the id strings by code points.
struct ConversationKey: Sendable, Comparable, Hashable {
    /// `start_time_unix_secs`.
    var start: Int64
    /// High 50 bits of the id.
    var idHigh: UInt64
    /// Low 50 bits of the id.
    var idLow: UInt64

    init(start: Int64, idHigh: UInt64, idLow: UInt64) {
        self.start = start
        self.idHigh = idHigh
        self.idLow = idLow
    }

    init(_ conversation: Conversation) {
        start = conversation.start
        idHigh = conversation.idHigh
        idLow = conversation.idLow
    }

    @inline(__always)
    static func < (lhs: ConversationKey, rhs: ConversationKey) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.idHigh != rhs.idHigh { return lhs.idHigh < rhs.idHigh }
        return lhs.idLow < rhs.idLow
    }
}
