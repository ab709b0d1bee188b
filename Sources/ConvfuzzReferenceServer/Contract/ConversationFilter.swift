/// All filters of a request compiled to small integer comparisons (ANDed).
struct ConversationFilter: Sendable {
    /// True when no conversation can match (e.g. an unknown agent id).
    var impossible = false
    /// Inclusive start-time bounds (also used to narrow the scanned range).
    var startLow: Int64?
    var startHigh: Int64?
    var agent: UInt8?
    /// `agent-id-prefix-match`: the agents whose id starts with the value.
    var agentPrefixMask: UInt16?
    var branch: UInt8?
    var callSuccessful: UInt8?
    var durationMin: Int64?
    var durationMax: Int64?
    var ratingMin: UInt8?
    var ratingMax: UInt8?
    var nullRatingPassesMax = false
    var user: UInt8?
    var evaluation: [(criterion: Int, code: Int)] = []
    var dataCollection: [DataCollectionMatcher] = []
    var languageMask: UInt16?
    var search: SearchMatcher?
    var source: UInt8?
    var topicMask: UInt16?
    var excludedStatusMask: UInt8 = 0
    var tagMask: UInt16?
    var tagsAllOf = false
    /// `topic-search-or`: topics and search match when either does.
    var topicsOrSearch = false

    /// The filter that matches everything.
    static let none = ConversationFilter()

    /// Compiles the filters of `query` (with the configured fault's deviation).
    init(_ query: ListQuery, fault: ReferenceFault?) {
        let vocabulary = ReferenceVocabulary.self
        if fault == .searchDropsFilters, let search = query.search {
            if !search.isEmpty { self.search = SearchMatcher(text: search, mode: .folded) }
            return
        }
        let seconds = { (value: Int64) -> Int64 in
            fault == .unitConfusion && (1_000_000_000_000..<10_000_000_000_000).contains(value) ? value / 1_000 : value
        }
        if let after = query.startAfter.map(seconds) {
            if fault == .afterExclusive {
                if after == .max { impossible = true } else { startLow = after + 1 }
            } else {
                startLow = after
            }
        }
        if let before = query.startBefore.map(seconds) {
            if fault == .beforeExclusive {
                if before == .min { impossible = true } else { startHigh = before - 1 }
            } else {
                startHigh = before
            }
        }
        if let agentID = query.agentID {
            if fault == .agentIDPrefixMatch, !agentID.isEmpty {
                agentPrefixMask = mask(vocabulary.allAgentIDs.filter { $0.hasPrefix(agentID) }, in: vocabulary.allAgentIDs, offset: 0)
            } else {
                agent = code(vocabulary.allAgentIDs.firstIndex(of: agentID), offset: 0)
            }
        }
        if let branchID = query.branchID {
            branch = code(vocabulary.branchIDs.firstIndex(of: branchID), offset: 1)
        }
        callSuccessful = query.callSuccessful.map(UInt8.init)
        durationMin = query.durationMin
        durationMax = query.durationMax
        if fault == .durationMaxInt32Overflow, let maximum = durationMax {
            durationMax = Int64(Int32(truncatingIfNeeded: maximum))
        }
        if fault == .durationMaxExclusive, let maximum = durationMax {
            if maximum == .min { impossible = true } else { durationMax = maximum - 1 }
        }
        ratingMin = query.ratingMin.map(UInt8.init)
        ratingMax = query.ratingMax.map(UInt8.init)
        if fault == .relationConflictIgnored, let low = ratingMin, let high = ratingMax, low > high {
            (ratingMin, ratingMax) = (high, low)
        }
        nullRatingPassesMax = fault == .ratingNullMatches
        if let userID = query.userID, fault != .userIDIgnored {
            user = code(vocabulary.userIDs.firstIndex(of: userID), offset: 1)
        }
        if fault != .evalIgnored {
            for condition in query.evaluation {
                guard let criterion = vocabulary.evaluationCriteriaIDs.firstIndex(of: condition.criterion) else {
                    impossible = true
                    continue
                }
                evaluation.append((criterion, condition.result))
            }
        }
        for condition in query.dataCollection {
            switch DataCollectionMatcher.compile(condition, fault: fault) {
            case .matcher(let matcher): dataCollection.append(matcher)
            case .constant(let verdict): if !verdict { impossible = true }
            }
        }
        if let languages = query.mainLanguages {
            languageMask = mask(languages.map { fault == .mainLanguagesCaseInsensitive ? $0.lowercased() : $0 },
                                in: vocabulary.languages, offset: 1)
        }
        if fault == .emptyTextMeansNothing, query.search?.isEmpty == true { impossible = true }
        if let search = query.search, !search.isEmpty {
            let mode: SearchMatcher.Mode
            switch fault {
            case .searchCaseSensitive: mode = .caseSensitive
            case .searchASCIIFolding: mode = .asciiFolded
            case .searchLikePattern: mode = .likePattern
            default: mode = .folded
            }
            self.search = SearchMatcher(text: search, mode: mode)
        }
        source = query.initiationSource.map { UInt8($0 + 1) }
        if let topics = query.topicIDs {
            topicsOrSearch = fault == .topicSearchOr && query.search != nil
            let known = impossible
            topicMask = mask(fault == .topicIDsFirstOnly ? Array(topics.prefix(1)) : topics,
                             in: vocabulary.topicIDs, offset: 0)
            // Under OR, topics that match nothing leave the search to decide.
            if topicsOrSearch { impossible = known }
        }
        var excluded = fault == .excludeStatusesFirstOnly ? Array(query.excludeStatuses.prefix(1)) : query.excludeStatuses
        if fault == .wholeEnumListIgnored, Set(excluded).count == vocabulary.statuses.count { excluded = [] }
        for status in excluded { excludedStatusMask |= 1 << UInt8(status) }
        if let tags = query.tagIDs {
            tagsAllOf = fault == .tagIDsAllOf
            if tagsAllOf && tags.contains(where: { !vocabulary.tagIDs.contains($0) }) { impossible = true }
            tagMask = mask(tags, in: vocabulary.tagIDs, offset: 0)
        }
    }

    private init() {}

    private mutating func code(_ index: Int?, offset: Int) -> UInt8? {
        guard let index else {
            impossible = true
            return nil
        }
        return UInt8(index + offset)
    }

    private mutating func mask(_ values: [String], in vocabulary: [String], offset: Int) -> UInt16 {
        var mask: UInt16 = 0
        for value in values {
            if let index = vocabulary.firstIndex(of: value) { mask |= 1 << UInt16(index + offset) }
        }
        if mask == 0 { impossible = true }
        return mask
    }

    /// Whether `conversation` satisfies every filter (start bounds included).
    @inline(__always)
    func matches(_ c: Conversation) -> Bool {
        if let startLow, c.start < startLow { return false }
        if let startHigh, c.start > startHigh { return false }
        if let agent, c.agent != agent { return false }
        if let agentPrefixMask, agentPrefixMask & (1 << UInt16(c.agent)) == 0 { return false }
        if let branch, c.branch != branch { return false }
        if let callSuccessful, c.callSuccessful != callSuccessful { return false }
        if let durationMin, Int64(c.duration) < durationMin { return false }
        if let durationMax, Int64(c.duration) > durationMax { return false }
        if let ratingMin, c.rating == 0 || c.rating < ratingMin { return false }
        if let ratingMax {
            if c.rating == 0 { if !nullRatingPassesMax { return false } } else if c.rating > ratingMax { return false }
        }
        if let user, c.user != user { return false }
        for condition in evaluation {
            let code = c.evaluationCode(condition.criterion)
            if code == 0 || EvaluationCode.result(code) != condition.code { return false }
        }
        for matcher in dataCollection where !matcher.matches(c) { return false }
        if let languageMask, languageMask & (1 << UInt16(c.language)) == 0 || c.language == 0 { return false }
        if let source, c.source != source { return false }
        if !topicsOrSearch, let topicMask, c.topics & topicMask == 0 { return false }
        if excludedStatusMask & (1 << c.status) != 0 { return false }
        if let tagMask {
            if tagsAllOf { if c.tags & tagMask != tagMask { return false } } else if c.tags & tagMask == 0 { return false }
        }
        if topicsOrSearch {
            // An empty search (nil matcher) matches everything, so the OR does too.
            guard let search else { return true }
            if let topicMask, c.topics & topicMask != 0 { return true }
            return search.matches(c)
        }
        if let search, !search.matches(c) { return false }
        return true
    }
}
