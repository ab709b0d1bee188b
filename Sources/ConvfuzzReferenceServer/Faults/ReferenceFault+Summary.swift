extension ReferenceFault {
    /// One line describing the violation.
    public var summary: String {
        switch self {
        case .pageSizePlusOne: return "Returns page_size + 1 items."
        case .defaultPageSize50: return "Uses 50 instead of 30 when page_size is omitted."
        case .acceptPageSize101: return "Accepts page_size=101 as valid."
        case .serverErrorOnInOp: return "Answers 500 to a data_collection_params `in` op with more than one value."
        case .errorDetailObject: return "422 bodies carry `detail` as an object instead of a list."
        case .errorLocMissing: return "422 `loc` is [\"query\"] without the parameter name."
        case .schemaNullMessageCount: return "`message_count` is null on some items."
        case .schemaRatingString: return "`rating` is written as a string."
        case .orderTiebreakFlipped: return "Ties on start time are ordered by ascending id in descending mode."
        case .hasMoreOnLastPage: return "The last page says has_more=true with a cursor; the next page is empty."
        case .hasMoreWithoutCursor: return "The last page says has_more=true with next_cursor null."
        case .cursorSkipsItem: return "The first item after a cursor is dropped."
        case .cursorRepeatsItem: return "A page after a cursor repeats the last item of the previous page."
        case .cursorLoops: return "The cursor issued after page 3 points back to the start."
        case .cursorForgetsFilters: return "Pages after the first ignore all filters."
        case .afterExclusive: return "call_start_after_unix is exclusive (>)."
        case .beforeExclusive: return "call_start_before_unix is exclusive (<)."
        case .ratingNullMatches: return "Null ratings pass rating_max."
        case .excludeStatusesFirstOnly: return "Only the first exclude_statuses value is applied."
        case .tagIDsAllOf: return "tag_ids requires all ids instead of any."
        case .mainLanguagesCaseInsensitive: return "main_languages compares case-insensitively."
        case .userIDIgnored: return "user_id is ignored."
        case .topicIDsFirstOnly: return "Only the first topic_ids value is applied."
        case .searchCaseSensitive: return "search compares case-sensitively."
        case .summaryAlways: return "transcript_summary is present with summary_mode=exclude."
        case .resultsAllIDs: return "data_collection_results holds every collected id, not only the requested ones."
        case .dcGtAsGte: return "data_collection_params `gt` behaves like `gte`."
        case .dcNeqMatchesUncollected: return "data_collection_params `neq v` also matches uncollected values."
        case .dcInFirstOnly: return "data_collection_params `in` only uses its first value."
        case .evalIgnored: return "evaluation_params is ignored."
        case .garbageCursorAccepted: return "An invalid cursor gives 200 with the first page."
        case .relationConflict422: return "rating_min > rating_max gives 422 instead of an empty page."
        case .ascIgnored: return "sort_direction=asc is ignored."
        case .summaryIncludeDropsItems: return "summary_mode=include drops items without a summary."
        case .negativeDurationAccepted: return "Negative call_duration_* values are accepted."
        case .leadingZeroRejected: return "Integers with a leading zero (page_size=010) get 422."
        case .slowResponses: return "Requests with `search` are answered after 3 s (caught with --request-timeout below 3)."
        case .truncatedBody: return "Successful responses to requests with `sort_direction` declare a longer Content-Length and close early."
        case .nonJSONBody: return "Successful responses to requests with `summary_mode` are an HTML page with status 200."
        case .durationMaxExclusive: return "call_duration_max_secs is exclusive (<)."
        case .cursorReuseRejected: return "A cursor sent with other filters than it was issued for gets 422."
        case .validation400: return "Validation errors use status 400 instead of 422 (same body)."
        case .relationConflictIgnored:
            return "rating_min > rating_max swaps the bounds (ratings between max and min) instead of an empty page."
        case .searchDropsFilters: return "With search present, every other filter is ignored."
        case .topicSearchOr: return "topic_ids and search together match either of them (OR) instead of both."
        case .dcMissingOverlaps:
            return "data_collection_params `missing` matches every conversation, collected or not (it overlaps `exists`)."
        case .durationMaxInt32Overflow:
            return "call_duration_max_secs wraps to a signed 32-bit integer, so very large bounds match nothing."
        case .unitConfusion:
            return "call_start_*_unix values from 10^12 to 10^13 (millisecond timestamps of 2001-2286) are read as milliseconds."
        case .wholeEnumListIgnored: return "exclude_statuses naming every allowed status is ignored (as if no status were excluded)."
        case .pageSizeOneStalls: return "With page_size=1 every page returns the same next cursor, pointing before the first item."
        case .emptyTextMeansNothing: return "An empty search (`search=`) matches no conversation instead of every one."
        case .agentIDPrefixMatch: return "agent_id matches every agent whose id starts with the value (a prefix match, not equality)."
        case .validationPlainText: return "Validation errors are served as Content-Type: text/plain (same JSON body)."
        case .missingKeyAccepted: return "A request without the xi-api-key header is served as the first workspace (200)."
        case .wrongKey500: return "A non-empty xi-api-key that matches no workspace gets 500 instead of 401."
        case .headerCaseRefused: return "The key header is only recognised spelled exactly `xi-api-key`; XI-API-KEY gets 401."
        case .refusalBodyPlain: return "Refusals (401) are a plain-text `Unauthorized` instead of the JSON error body."
        case .crossWorkspaceListLeak:
            return "With a second key: the second workspace's lists also hold the first workspace's conversations."
        case .crossWorkspaceAgentLeak:
            return "With a second key: agent_id=<an agent of the other workspace> is answered from that workspace."
        case .crossWorkspaceCursorLeak:
            return "With a second key: a cursor issued to the other workspace continues in that workspace."
        case .crossWorkspaceIDResolves:
            return "With a second key: an id of the first workspace (user_id, branch_id, tag_ids, topic_ids) sent under the second key resolves there instead of matching nothing."
        case .searchASCIIFolding: return "search folds only ASCII letters, so a word with accented letters in another case finds nothing."
        case .searchLikePattern: return "search is used as an unescaped SQL LIKE pattern: % and _ are wildcards."
        case .lenientIntegers:
            return "Integers are parsed like Python's int(): digit-group underscores, any Unicode digit and surrounding tabs, newlines or NBSP are accepted."
        case .dcCompareAsDouble:
            return "data_collection_params gt/gte/lt/lte compare binary doubles, so 19.98999999999999999 equals 19.99."
        case .cursorLenientBase64:
            return "Cursors are decoded leniently: trailing = padding and the standard alphabet (+ /) give the same cursor."
        case .cursorCheckedLast:
            return "The cursor is only validated when every other parameter is valid, so an invalid cursor beside another invalid parameter gets no error item."
        case .listCommaSplit: return "tag_ids and topic_ids values are split at commas (a comma is part of the value per the contract)."
        case .searchPatternLimit:
            return "A search text over 2,048 bytes gets 500 (the database's pattern limit), while a front proxy answers 414 to targets over 8,192 bytes."
        }
    }

    /// The check ids (docs/architecture.md) a default convfuzz run must report for this
    /// fault; the first is the primary one.
    public var checkIDs: [String] {
        switch self {
        case .pageSizePlusOne, .defaultPageSize50: return ["CF-PAGE-SIZE"]
        case .acceptPageSize101, .negativeDurationAccepted: return ["CF-STATUS-ACCEPTED"]
        case .leadingZeroRejected: return ["CF-STATUS-REJECTED"]
        case .serverErrorOnInOp: return ["CF-STATUS-5XX"]
        case .errorDetailObject: return ["CF-ERROR-SHAPE"]
        case .errorLocMissing: return ["CF-ERROR-LOC"]
        case .schemaNullMessageCount, .schemaRatingString: return ["CF-SCHEMA"]
        case .orderTiebreakFlipped: return ["CF-ORDER"]
        case .ascIgnored: return ["CF-ORDER", "CF-SORT-REVERSE"]
        case .hasMoreOnLastPage: return ["CF-WALK-HASMORE"]
        case .hasMoreWithoutCursor: return ["CF-HASMORE-CURSOR"]
        case .cursorSkipsItem: return ["CF-WALK-PAGESIZE", "CF-WALK-COMPLETENESS"]
        case .cursorRepeatsItem: return ["CF-WALK-DUP", "CF-WALK-ORDER"]
        case .cursorLoops: return ["CF-WALK-LOOP"]
        case .cursorForgetsFilters, .ratingNullMatches, .excludeStatusesFirstOnly, .mainLanguagesCaseInsensitive,
             .dcGtAsGte, .dcNeqMatchesUncollected, .evalIgnored:
            return ["CF-FILTER"]
        case .afterExclusive, .beforeExclusive, .durationMaxExclusive, .tagIDsAllOf, .dcInFirstOnly:
            return ["CF-WALK-COMPLETENESS"]
        case .topicIDsFirstOnly: return ["CF-META-UNION"]
        case .userIDIgnored: return ["CF-META-DISJOINT"]
        case .searchCaseSensitive: return ["CF-META-CASE"]
        case .summaryAlways: return ["CF-PROJECTION"]
        case .resultsAllIDs: return ["CF-RESULTS-IDS"]
        case .garbageCursorAccepted: return ["CF-CURSOR-INVALID"]
        case .relationConflict422: return ["CF-STATUS-REJECTED"]
        case .summaryIncludeDropsItems: return ["CF-META-PROJECTION"]
        case .slowResponses: return ["CF-TRANSPORT"]
        case .truncatedBody, .nonJSONBody: return ["CF-BODY-JSON"]
        case .cursorReuseRejected: return ["CF-CURSOR-REUSE"]
        case .validation400: return ["CF-STATUS-UNEXPECTED"]
        case .relationConflictIgnored: return ["CF-RELATION-EMPTY"]
        case .searchDropsFilters: return ["CF-META-SUBSET"]
        case .topicSearchOr: return ["CF-META-AND"]
        case .dcMissingOverlaps: return ["CF-META-PARTITION", "CF-WALK-COMPLETENESS"]
        case .durationMaxInt32Overflow: return ["CF-META-MONOTONE"]
        case .unitConfusion, .wholeEnumListIgnored, .agentIDPrefixMatch: return ["CF-FILTER"]
        case .pageSizeOneStalls: return ["CF-WALK-LOOP"]
        case .emptyTextMeansNothing: return ["CF-META-EMPTY"]
        case .validationPlainText: return ["CF-ERROR-CONTENT-TYPE"]
        case .missingKeyAccepted: return ["CF-AUTH-BYPASS"]
        case .wrongKey500: return ["CF-AUTH-ERROR"]
        case .headerCaseRefused: return ["CF-AUTH-HEADER-CASE"]
        case .refusalBodyPlain: return ["CF-AUTH-BODY"]
        case .crossWorkspaceListLeak: return ["CF-TENANT-LEAK"]
        case .crossWorkspaceAgentLeak: return ["CF-TENANT-OWNER"]
        case .crossWorkspaceCursorLeak: return ["CF-TENANT-CURSOR"]
        case .crossWorkspaceIDResolves: return ["CF-TENANT-ID"]
        case .searchASCIIFolding: return ["CF-META-CASE"]
        case .searchLikePattern: return ["CF-META-LITERAL"]
        case .lenientIntegers: return ["CF-STATUS-ACCEPTED"]
        case .dcCompareAsDouble: return ["CF-FILTER"]
        case .cursorLenientBase64: return ["CF-CURSOR-INVALID"]
        case .cursorCheckedLast: return ["CF-ERROR-LOC"]
        case .listCommaSplit: return ["CF-FILTER"]
        case .searchPatternLimit: return ["CF-STATUS-5XX"]
        }
    }

    /// True for a fault that only shows with two workspaces (`serve --second-key-env`, `run --second-key-env`).
    public var needsSecondKey: Bool {
        switch self {
        case .crossWorkspaceListLeak, .crossWorkspaceAgentLeak, .crossWorkspaceCursorLeak, .crossWorkspaceIDResolves: return true
        default: return false
        }
    }

    /// True for a fault in authentication, which only shows when the server requires a key.
    public var needsKey: Bool {
        switch self {
        case .missingKeyAccepted, .wrongKey500, .headerCaseRefused, .refusalBodyPlain: return true
        default: return needsSecondKey
        }
    }

    /// The primary check id (`checkIDs[0]`), kept for compatibility.
    public var checkID: String { checkIDs[0] }
}
