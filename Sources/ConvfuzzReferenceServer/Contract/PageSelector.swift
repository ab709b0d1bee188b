/// Selects one page: binary search to the cursor position and start-time bounds,
/// then a scan in order that stops after `page_size + 1` matches.
enum PageSelector {
    static func select(
        items: [Conversation], filter: ConversationFilter, query: ListQuery, fault: ReferenceFault?
    ) -> PageResult {
        let ascending = query.ascending && fault != .ascIgnored
        let limit = query.pageSize + (fault == .pageSizePlusOne ? 1 : 0)
        let cursorGiven = query.cursor != nil
        let active = fault == .cursorForgetsFilters && cursorGiven ? ConversationFilter.none : filter
        if active.impossible { return finish([], hasMore: false, query: query, fault: fault, ascending: ascending) }

        var low = active.startLow.map { SortedSearch.firstIndex(startAtLeast: $0, in: items) } ?? 0
        var high = active.startHigh.map { SortedSearch.firstIndex(startAbove: $0, in: items) } ?? items.count
        if let position = query.cursor?.position {
            let inclusive = fault == .cursorRepeatsItem
            if ascending {
                low = max(low, SortedSearch.firstIndex(key: position, strictly: !inclusive, in: items))
            } else {
                high = min(high, SortedSearch.firstIndex(key: position, strictly: inclusive, in: items))
            }
        }
        let dropNullSummaries = fault == .summaryIncludeDropsItems && query.includeSummary
        var skip = fault == .cursorSkipsItem && cursorGiven ? 1 : 0
        var found: [Conversation] = []
        found.reserveCapacity(min(limit + 1, 128))
        if low < high {
            var index = ascending ? low : high - 1
            let step = ascending ? 1 : -1
            while index >= low && index < high {
                let conversation = items[index]
                if active.matches(conversation) && !(dropNullSummaries && conversation.summary == 0) {
                    if skip > 0 {
                        skip -= 1
                    } else {
                        found.append(conversation)
                        if found.count > limit { break }
                    }
                }
                index += step
            }
        }
        let hasMore = found.count > limit
        if hasMore { found.removeLast() }
        return finish(found, hasMore: hasMore, query: query, fault: fault, ascending: ascending)
    }

    private static func finish(
        _ items: [Conversation], hasMore: Bool, query: ListQuery, fault: ReferenceFault?, ascending: Bool
    ) -> PageResult {
        var result = PageResult(items: items, hasMore: hasMore, next: nil)
        let page = (query.cursor?.page ?? 0) + 1
        if hasMore, let last = items.last {
            result.next = CursorToken(position: ConversationKey(last), page: page, filterHash: query.filterHash)
            if fault == .cursorLoops && page == 3 {
                result.next = CursorToken(position: nil, page: 0, filterHash: query.filterHash)
            }
            if fault == .pageSizeOneStalls && query.pageSize == 1 {
                result.next = query.cursor ?? CursorToken(position: nil, page: 0, filterHash: query.filterHash)
            }
        }
        if !hasMore {
            if fault == .hasMoreOnLastPage, let last = items.last {
                result.hasMore = true
                result.next = CursorToken(position: ConversationKey(last), page: page, filterHash: query.filterHash)
            } else if fault == .hasMoreWithoutCursor {
                result.hasMore = true
            }
        }
        if fault == .orderTiebreakFlipped && !ascending {
            result.items.sort { lhs, rhs in
                if lhs.start != rhs.start { return lhs.start > rhs.start }
                return (lhs.idHigh, lhs.idLow) < (rhs.idHigh, rhs.idLow)
            }
        }
        return result
    }
}
