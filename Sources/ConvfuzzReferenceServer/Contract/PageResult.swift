/// One computed page: its items, `has_more` and the token of `next_cursor`.
struct PageResult: Sendable {
    var items: [Conversation]
    var hasMore: Bool
    var next: CursorToken?
}
