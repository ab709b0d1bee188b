/// What a cursor carries: a position in the order (and bookkeeping for faults).
struct CursorToken: Sendable, Equatable {
    /// The last item served; the next page continues after it. Nil = from the start.
    var position: ConversationKey?
    /// How many pages preceded the next one.
    var page: UInt32
    /// A fingerprint of the filters the cursor was issued under (used only by faults).
    var filterHash: UInt64
}
