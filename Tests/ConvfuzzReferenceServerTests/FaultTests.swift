import Testing
@testable import ConvfuzzReferenceServer

@Suite struct FaultTests {
    /// A crafted interaction whose observation must differ under the fault.
    enum Probe: Sendable {
        case queries([String])
        case walk(String)
        case reuse(first: String, second: String)
    }

    static let size = 400
    static let records = TestSupport.records(size: size)
    static let agent = ReferenceVocabulary.agentIDs[1]
    static let pivot = records[size / 2].startTimeUnixSecs
    static let encode = TestSupport.encode

    static let probes: [ReferenceFault: Probe] = [
        .pageSizePlusOne: .queries(["page_size=5"]),
        .defaultPageSize50: .queries([""]),
        .acceptPageSize101: .queries(["page_size=101"]),
        .serverErrorOnInOp: .queries(["data_collection_params=" + encode("customer_tier:in:gold|silver")]),
        .errorDetailObject: .queries(["page_size=0&rating_min=9"]),
        .errorLocMissing: .queries(["page_size=0"]),
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
    ]

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
        }
    }

    @Test(arguments: ReferenceFault.allCases)
    func faultChangesBehaviour(_ fault: ReferenceFault) throws {
        let probe = try #require(Self.probes[fault], "no probe for \(fault.rawValue)")
        let correct = Self.observe(TestSupport.application(size: Self.size), probe)
        let faulty = Self.observe(TestSupport.application(size: Self.size, fault: fault), probe)
        #expect(correct != faulty, "fault \(fault.rawValue) did not change behaviour")
        #expect(!fault.summary.isEmpty)
        #expect(fault.checkID.hasPrefix("CF-"))
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
