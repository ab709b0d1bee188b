/// Binary searches over conversations sorted ascending by key.
enum SortedSearch {
    /// The first index whose start time is `>= start`.
    static func firstIndex(startAtLeast start: Int64, in items: [Conversation]) -> Int {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) >> 1
            if items[middle].start < start { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first index whose start time is `> start`.
    static func firstIndex(startAbove start: Int64, in items: [Conversation]) -> Int {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) >> 1
            if items[middle].start <= start { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first index whose key is `>= key` (or `> key` when `strictly`).
    static func firstIndex(key: ConversationKey, strictly: Bool, in items: [Conversation]) -> Int {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) >> 1
            let probe = ConversationKey(items[middle])
            let before = strictly ? !(key < probe) : probe < key
            if before { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
