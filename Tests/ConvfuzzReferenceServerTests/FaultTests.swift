import Testing
@testable import ConvfuzzReferenceServer

@Suite struct FaultTests {
    /// A crafted interaction whose observation must differ under the fault.
    enum Probe: Sendable {
        case queries([String])
        case walk(String)
        case reuse(first: String, second: String)
        /// The first page's cursor with `==` appended, sent again.
        case paddedCursor(String)
    }

    static let size = 400
    static let records = TestSupport.records(size: size)
    static let agent = ReferenceVocabulary.agentIDs[1]
    static let pivot = records[size / 2].startTimeUnixSecs
    static let encode = TestSupport.encode

    static let probes: [ReferenceFault: Probe] = [
        .pageSizePlusOne: .queries(["page_size=5"]),
        .searchASCIIFolding: .queries(["search=" + encode("CAFÉ"), "search=" + encode("ΣΟΦΌΣ")]),
        .searchLikePattern: .queries(["search=%25", "search=h_llo"]),
        .lenientIntegers: .queries(["page_size=1_0", "page_size=%09" + "5", "page_size=" + encode("５")]),
        .dcCompareAsDouble: .queries(["data_collection_ids=order_total&data_collection_params="
                                      + encode("order_total:lte:19.98999999999999999")]),
        .cursorLenientBase64: .paddedCursor("page_size=5"),
        .cursorCheckedLast: .queries(["cursor=garbage&page_size=0"]),
        .searchPatternLimit: .queries(["search=" + String(repeating: "a", count: 4_096)]),
        .listCommaSplit: .queries(["tag_ids=" + encode("tag_billing,tag_vip"), "topic_ids=" + encode("topic_billing,topic_login")]),
        .defaultPageSize50: .queries([""]),
        .acceptPageSize101: .queries(["page_size=101"]),
        .serverErrorOnInOp: .queries(["data_collection_params=" + encode("customer_tier:in:gold|silver")]),
        .errorDetailObject: .queries(["page_size=0&rating_min=9"]),
        .errorLocMissing: .queries(["page_size=0"]),
        .validationPlainText: .queries(["page_size=0"]),
        .schemaNullMessageCount: .queries(["page_size=30"]),
        .schemaRatingString: .queries(["page_size=30"]),
        .orderTiebreakFlipped: .queries(["page_size=100"]),
        .hasMoreOnLastPage: .queries(["page_size=100&agent_id=" + agent]),
        .hasMoreWithoutCursor: .queries(["page_size=100&agent_id=" + agent]),
        .cursorSkipsItem: .walk("page_size=10"),
        .cursorRepeatsItem: .walk("page_size=10"),
        .cursorLoops: .walk("page_size=10"),
        .cursorForgetsFilters: .walk("page_size=5&agent_id=" + agent),
        .afterExclusive: .walk("page_size=100&call_start_after_unix=\(pivot)"),
        .beforeExclusive: .walk("page_size=100&call_start_before_unix=\(pivot)"),
        .ratingNullMatches: .walk("page_size=100&rating_max=2"),
        .excludeStatusesFirstOnly: .walk("page_size=100&exclude_statuses=done&exclude_statuses=failed"),
        .tagIDsAllOf: .walk("page_size=100&tag_ids=tag_vip&tag_ids=tag_bug"),
        .mainLanguagesCaseInsensitive: .walk("page_size=100&main_languages=EN"),
        .userIDIgnored: .walk("page_size=100&user_id=user_0003"),
        .topicIDsFirstOnly: .walk("page_size=100&topic_ids=topic_login&topic_ids=topic_other"),
        .searchCaseSensitive: .walk("page_size=100&search=REFUND"),
        .summaryAlways: .queries(["page_size=5"]),
        .resultsAllIDs: .queries(["page_size=20&data_collection_ids=order_total"]),
        .dcGtAsGte: .walk("page_size=100&data_collection_params=" + encode("order_total:gt:20")),
        .dcNeqMatchesUncollected: .walk("page_size=100&data_collection_params=" + encode("customer_tier:neq:gold")),
        .dcInFirstOnly: .walk("page_size=100&data_collection_params=" + encode("customer_tier:in:gold|silver")),
        .evalIgnored: .walk("page_size=100&evaluation_params=resolution:success"),
        .garbageCursorAccepted: .queries(["cursor=garbage"]),
        .relationConflict422: .queries(["rating_min=5&rating_max=1"]),
        .ascIgnored: .queries(["page_size=10&sort_direction=asc"]),
        .summaryIncludeDropsItems: .walk("page_size=100&summary_mode=include"),
        .negativeDurationAccepted: .queries(["call_duration_min_secs=-1"]),
        .leadingZeroRejected: .queries(["page_size=010"]),
        .slowResponses: .queries(["search=refund"]),
        .truncatedBody: .queries(["page_size=1&sort_direction=asc"]),
        .nonJSONBody: .queries(["page_size=1&summary_mode=include"]),
        .durationMaxExclusive: .walk("page_size=100&call_duration_max_secs=0"),
        .cursorReuseRejected: .reuse(first: "page_size=5", second: "page_size=5&rating_min=3"),
        .validation400: .queries(["page_size=0"]),
        .relationConflictIgnored: .queries(["page_size=100&rating_min=4&rating_max=2"]),
        .searchDropsFilters: .walk("page_size=100&search=refund&agent_id=" + agent),
        .topicSearchOr: .walk("page_size=100&topic_ids=topic_login&search=refund"),
        .dcMissingOverlaps: .walk("page_size=100&data_collection_params=" + encode("satisfied:missing")),
        .durationMaxInt32Overflow: .walk("page_size=100&call_duration_max_secs=2147483648"),
        .unitConfusion: .walk("page_size=100&call_start_after_unix=\(pivot * 1_000)"),
        .wholeEnumListIgnored: .walk("page_size=100&" + ReferenceVocabulary.statuses.map { "exclude_statuses=\($0)" }.joined(separator: "&")),
        .pageSizeOneStalls: .walk("page_size=1&agent_id=" + agent),
        .emptyTextMeansNothing: .walk("page_size=100&search="),
        .agentIDPrefixMatch: .walk("page_size=100&agent_id=" + String(agent.prefix(9))),
    ]

    /// Faults whose probe must also work when every probed parameter has another wire name.
    static let renamedProbeFaults: [ReferenceFault] = [
        .validation400, .relationConflictIgnored, .searchDropsFilters, .topicSearchOr, .dcMissingOverlaps,
        .durationMaxInt32Overflow,
    ]
    static let renaming = [
        "page_size": "limit", "rating_min": "min_rating", "rating_max": "max_rating", "search": "q",
        "agent_id": "agent", "topic_ids": "topic", "data_collection_params": "dc",
        "call_duration_max_secs": "max_duration",
    ]

    /// `query` with its parameter names mapped through `renaming`.
    static func renamed(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = renaming[String(parts[0])] ?? String(parts[0])
            return parts.count == 2 ? name + "=" + parts[1] : name
        }.joined(separator: "&")
    }

    static func renamed(_ probe: Probe) -> Probe {
        switch probe {
        case .queries(let queries): return .queries(queries.map(renamed))
        case .walk(let query): return .walk(renamed(query))
        case .reuse(let first, let second): return .reuse(first: renamed(first), second: renamed(second))
        case .paddedCursor(let query): return .paddedCursor(renamed(query))
        }
    }

    static func observe(_ app: ReferenceApplication, _ probe: Probe) -> String {
        func describe(_ response: ReferenceResponse) -> String {
            "\(response.status) \(response.directive) \(response.contentType) \(response.bodyText)"
        }
        switch probe {
        case .queries(let queries):
            return queries.map { describe(TestSupport.request(app, $0)) }.joined(separator: "\n")
        case .walk(let query):
            guard let ids = TestSupport.walk(app, query, pageLimit: 100) else { return "broken walk" }
            return ids.joined(separator: ",")
        case .reuse(let first, let second):
            guard let cursor = TestSupport.page(app, first)?.nextCursor else { return "no cursor" }
            return describe(TestSupport.request(app, second + "&cursor=" + cursor))
        case .paddedCursor(let query):
            guard let cursor = TestSupport.page(app, query)?.nextCursor else { return "no cursor" }
            return describe(TestSupport.request(app, query + "&cursor=" + cursor + "%3D%3D"))
        }
    }

    /// Auth and workspace faults need keys; `WorkspaceTests` probes them.
    @Test(arguments: ReferenceFault.allCases.filter { !$0.needsKey })
    func faultChangesBehaviour(_ fault: ReferenceFault) throws {
        let probe = try #require(Self.probes[fault], "no probe for \(fault.rawValue)")
        let correct = Self.observe(TestSupport.application(size: Self.size), probe)
        let faulty = Self.observe(TestSupport.application(size: Self.size, fault: fault), probe)
        #expect(correct != faulty, "fault \(fault.rawValue) did not change behaviour")
        #expect(!fault.summary.isEmpty)
        #expect(!fault.checkIDs.isEmpty)
        #expect(fault.checkIDs.allSatisfy { $0.hasPrefix("CF-") })
        #expect(Set(fault.checkIDs).count == fault.checkIDs.count)
        #expect(fault.checkID == fault.checkIDs.first)
    }

    @Test(arguments: renamedProbeFaults)
    func faultWorksUnderRenamedParameters(_ fault: ReferenceFault) throws {
        let original = try #require(Self.probes[fault])
        let probe = Self.renamed(original)
        let correct = Self.observe(TestSupport.application(size: Self.size, parameterNames: Self.renaming), probe)
        let faulty = Self.observe(
            TestSupport.application(size: Self.size, fault: fault, parameterNames: Self.renaming), probe)
        if fault != .validation400 {  // a 422 body names the wire name; every other probe must read the same
            #expect(correct == Self.observe(TestSupport.application(size: Self.size), original))
        } else {
            #expect(correct.hasPrefix("422") && correct.contains("\"limit\"") && faulty.hasPrefix("400"))
        }
        #expect(correct != faulty, "fault \(fault.rawValue) did not change behaviour under renaming")
    }

    @Test func multiCheckMappings() {
        #expect(ReferenceFault.cursorRepeatsItem.checkIDs == ["CF-WALK-DUP", "CF-WALK-ORDER"])
        #expect(ReferenceFault.ascIgnored.checkIDs == ["CF-ORDER", "CF-SORT-REVERSE"])
        #expect(ReferenceFault.cursorSkipsItem.checkIDs == ["CF-WALK-PAGESIZE", "CF-WALK-COMPLETENESS"])
        #expect(ReferenceFault.cursorSkipsItem.checkID == "CF-WALK-PAGESIZE")
        #expect(ReferenceFault.validation400.checkIDs == ["CF-STATUS-UNEXPECTED"])
        #expect(ReferenceFault.relationConflictIgnored.checkIDs == ["CF-RELATION-EMPTY"])
        #expect(ReferenceFault.searchDropsFilters.checkIDs == ["CF-META-SUBSET"])
        #expect(ReferenceFault.topicSearchOr.checkIDs == ["CF-META-AND"])
        #expect(ReferenceFault.dcMissingOverlaps.checkIDs == ["CF-META-PARTITION", "CF-WALK-COMPLETENESS"])
        #expect(ReferenceFault.durationMaxInt32Overflow.checkIDs == ["CF-META-MONOTONE"])
    }

    @Test func newFaultShapes() throws {
        let size = Self.size
        let correct = TestSupport.application(size: size)

        // validation-400: same body, other status.
        let invalid = TestSupport.request(correct, "page_size=0&rating_min=9")
        let as400 = TestSupport.request(TestSupport.application(size: size, fault: .validation400),
                                        "page_size=0&rating_min=9")
        #expect(invalid.status == 422 && as400.status == 400 && invalid.body == as400.body)

        // relation-conflict-ignored: rating_min=4&rating_max=2 behaves like rating_min=2&rating_max=4.
        let swapped = TestSupport.application(size: size, fault: .relationConflictIgnored)
        #expect(TestSupport.page(correct, "page_size=100&rating_min=4&rating_max=2")?.items.isEmpty == true)
        #expect(TestSupport.walk(swapped, "page_size=100&rating_min=4&rating_max=2")
            == TestSupport.walk(correct, "page_size=100&rating_min=2&rating_max=4"))

        // search-drops-filters: search plus filters equals search alone; sort and page_size still apply.
        let drops = TestSupport.application(size: size, fault: .searchDropsFilters)
        let searchOnly = try #require(TestSupport.walk(correct, "page_size=100&search=refund"))
        #expect(TestSupport.walk(drops, "page_size=7&search=refund&agent_id=\(Self.agent)&rating_min=3")
            == searchOnly)
        #expect(TestSupport.walk(drops, "page_size=100&search=refund&rating_min=3&sort_direction=asc")
            == searchOnly.reversed())
        #expect(TestSupport.page(drops, "page_size=3&search=refund&rating_min=3")?.items.count == 3)
        #expect(TestSupport.walk(drops, "page_size=100&rating_min=3")
            == TestSupport.walk(correct, "page_size=100&rating_min=3"))

        // topic-search-or: the walk is the union of the two single-filter walks.
        let or = TestSupport.application(size: size, fault: .topicSearchOr)
        let topic = Set(try #require(TestSupport.walk(correct, "page_size=100&topic_ids=topic_login")))
        let search = Set(searchOnly)
        let both = try #require(TestSupport.walk(or, "page_size=100&topic_ids=topic_login&search=refund"))
        #expect(Set(both) == topic.union(search) && both.count == Set(both).count)
        #expect(Set(try #require(TestSupport.walk(correct, "page_size=100&topic_ids=topic_login&search=refund")))
            == topic.intersection(search))
        #expect(TestSupport.walk(or, "page_size=100&topic_ids=topic_nope&search=refund") == searchOnly)

        // dc-missing-overlaps: missing matches everything, so it contains every collected conversation.
        let overlaps = TestSupport.application(size: size, fault: .dcMissingOverlaps)
        func walk(_ app: ReferenceApplication, _ condition: String) throws -> Set<String> {
            Set(try #require(TestSupport.walk(app, "page_size=100&data_collection_params=" + Self.encode(condition))))
        }
        let exists = try walk(overlaps, "satisfied:exists")
        let missing = try walk(overlaps, "satisfied:missing")
        #expect(exists.isSubset(of: missing))
        #expect(missing.count == size)
        #expect(!exists.isEmpty)
        #expect(try walk(correct, "satisfied:exists").isDisjoint(with: try walk(correct, "satisfied:missing")))

        // duration-max-int32-overflow: 2^31 wraps negative (nothing); 2^32 + 100 wraps to 100.
        let wraps = TestSupport.application(size: size, fault: .durationMaxInt32Overflow)
        #expect(TestSupport.walk(wraps, "page_size=100&call_duration_max_secs=2147483648") == [])
        #expect(TestSupport.walk(wraps, "page_size=100&call_duration_max_secs=4294967396")
            == TestSupport.walk(correct, "page_size=100&call_duration_max_secs=100"))
        #expect(TestSupport.walk(wraps, "page_size=100&call_duration_max_secs=600")
            == TestSupport.walk(correct, "page_size=100&call_duration_max_secs=600"))
    }

    @Test func namesAreKebabCase() {
        #expect(ReferenceFault.allCases.count >= 41)
        for fault in ReferenceFault.allCases {
            #expect(fault.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
            #expect(ReferenceFault(rawValue: fault.rawValue) == fault)
        }
    }

    @Test func specificFaultShapes() {
        let plusOne = TestSupport.application(size: 50, fault: .pageSizePlusOne)
        #expect(TestSupport.page(plusOne, "page_size=5")?.items.count == 6)
        let lastPage = TestSupport.application(size: 50, fault: .hasMoreOnLastPage)
        let page = TestSupport.page(lastPage, "page_size=100")!
        #expect(page.hasMore && page.nextCursor != nil)
        let after = TestSupport.page(lastPage, "page_size=100&cursor=" + page.nextCursor!)!
        #expect(after.items.isEmpty && !after.hasMore)
        let loops = TestSupport.application(size: 200, fault: .cursorLoops)
        #expect(TestSupport.walk(loops, "page_size=10", pageLimit: 50) == nil)
    }
}
