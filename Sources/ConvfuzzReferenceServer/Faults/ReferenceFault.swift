/// A single deliberate contract violation the reference server can be configured with
/// (`--fault NAME`). Each fault is deterministic: it triggers on request content or
/// counters, never on the clock or the system RNG.
public enum ReferenceFault: String, CaseIterable, Sendable {
    /// Returns page_size + 1 items.
    case pageSizePlusOne = "page-size-plus-one"
    /// Uses 50 instead of 30 when page_size is omitted.
    case defaultPageSize50 = "default-page-size-50"
    /// Accepts page_size=101 as valid.
    case acceptPageSize101 = "accept-page-size-101"
    /// Answers 500 to a data_collection_params `in` op with more than one value.
    case serverErrorOnInOp = "server-error-on-in-op"
    /// 422 bodies carry `detail` as an object instead of a list.
    case errorDetailObject = "error-detail-object"
    /// 422 `loc` is ["query"] without the parameter name.
    case errorLocMissing = "error-loc-missing"
    /// `message_count` is null on some items.
    case schemaNullMessageCount = "schema-null-message-count"
    /// `rating` is written as a string.
    case schemaRatingString = "schema-rating-string"
    /// Ties on start time are ordered by ascending id in descending mode.
    case orderTiebreakFlipped = "order-tiebreak-flipped"
    /// The last page says has_more=true with a cursor; the next page is empty.
    case hasMoreOnLastPage = "has-more-on-last-page"
    /// The last page says has_more=true with next_cursor null.
    case hasMoreWithoutCursor = "has-more-without-cursor"
    /// The first item after a cursor is dropped.
    case cursorSkipsItem = "cursor-skips-item"
    /// A page after a cursor repeats the last item of the previous page.
    case cursorRepeatsItem = "cursor-repeats-item"
    /// The cursor issued after page 3 points back to the start.
    case cursorLoops = "cursor-loops"
    /// Pages after the first ignore all filters.
    case cursorForgetsFilters = "cursor-forgets-filters"
    /// call_start_after_unix is exclusive (>).
    case afterExclusive = "after-exclusive"
    /// call_start_before_unix is exclusive (<).
    case beforeExclusive = "before-exclusive"
    /// Null ratings pass rating_max.
    case ratingNullMatches = "rating-null-matches"
    /// Only the first exclude_statuses value is applied.
    case excludeStatusesFirstOnly = "exclude-statuses-first-only"
    /// tag_ids requires all ids instead of any.
    case tagIDsAllOf = "tag-ids-all-of"
    /// main_languages compares case-insensitively.
    case mainLanguagesCaseInsensitive = "main-languages-case-insensitive"
    /// user_id is ignored.
    case userIDIgnored = "user-id-ignored"
    /// Only the first topic_ids value is applied.
    case topicIDsFirstOnly = "topic-ids-first-only"
    /// search compares case-sensitively.
    case searchCaseSensitive = "search-case-sensitive"
    /// transcript_summary is present with summary_mode=exclude.
    case summaryAlways = "summary-always"
    /// data_collection_results holds every collected id, not only the requested ones.
    case resultsAllIDs = "results-all-ids"
    /// data_collection_params `gt` behaves like `gte`.
    case dcGtAsGte = "dc-gt-as-gte"
    /// data_collection_params `neq v` also matches uncollected values.
    case dcNeqMatchesUncollected = "dc-neq-matches-uncollected"
    /// data_collection_params `in` only uses its first value.
    case dcInFirstOnly = "dc-in-first-only"
    /// evaluation_params is ignored.
    case evalIgnored = "eval-ignored"
    /// An invalid cursor gives 200 with the first page.
    case garbageCursorAccepted = "garbage-cursor-accepted"
    /// rating_min > rating_max gives 422 instead of an empty page.
    case relationConflict422 = "relation-conflict-422"
    /// sort_direction=asc is ignored.
    case ascIgnored = "asc-ignored"
    /// summary_mode=include drops items without a summary.
    case summaryIncludeDropsItems = "summary-include-drops-items"
    /// Negative call_duration_* values are accepted.
    case negativeDurationAccepted = "negative-duration-accepted"
    /// Integers with a leading zero (page_size=010) get 422.
    case leadingZeroRejected = "leading-zero-rejected"
    /// Every response is delayed by 200 ms.
    case slowResponses = "slow-responses"
    /// Every 7th list response declares a longer Content-Length and closes early.
    case truncatedBody = "truncated-body"
    /// Every 5th list response is an HTML page with status 200.
    case nonJSONBody = "non-json-body"
    /// call_duration_max_secs is exclusive (<).
    case durationMaxExclusive = "duration-max-exclusive"
    /// A cursor sent with other filters than it was issued for gets 422.
    case cursorReuseRejected = "cursor-reuse-rejected"
    /// Every validation error uses status 400 instead of 422 (same body).
    case validation400 = "validation-400"
    /// rating_min > rating_max swaps the bounds instead of giving an empty page.
    case relationConflictIgnored = "relation-conflict-ignored"
    /// With `search` present, every other filter is ignored.
    case searchDropsFilters = "search-drops-filters"
    /// topic_ids and search together match either of them (OR) instead of both.
    case topicSearchOr = "topic-search-or"
    /// data_collection_params `missing` also matches a collected boolean false.
    case dcMissingOverlaps = "dc-missing-overlaps"
    /// call_duration_max_secs wraps to a 32-bit signed integer before comparing.
    case durationMaxInt32Overflow = "duration-max-int32-overflow"
    /// call_start_*_unix values that look like millisecond timestamps are read as milliseconds.
    case unitConfusion = "unit-confusion"
    /// exclude_statuses naming every allowed status is treated as no filter.
    case wholeEnumListIgnored = "whole-enum-list-ignored"
    /// With page_size=1 the next cursor never moves past the first item.
    case pageSizeOneStalls = "page-size-one-stalls"
    /// An empty search matches no conversation instead of every one.
    case emptyTextMeansNothing = "empty-text-means-nothing"
    /// agent_id also matches agents whose id starts with the value.
    case agentIDPrefixMatch = "agent-id-prefix-match"
    /// Validation errors are served as `text/plain` (same JSON body).
    case validationPlainText = "validation-plain-text"
    /// A request without the key header is served as the first workspace.
    case missingKeyAccepted = "missing-key-accepted"
    /// A non-empty key that matches no workspace gets 500.
    case wrongKey500 = "wrong-key-500"
    /// The key header is only recognised spelled exactly `xi-api-key`.
    case headerCaseRefused = "header-case-refused"
    /// Refusals are a plain-text `Unauthorized` instead of the JSON error body.
    case refusalBodyPlain = "refusal-body-plain"
    /// The second workspace's lists also hold the first workspace's conversations.
    case crossWorkspaceListLeak = "cross-workspace-list-leak"
    /// agent_id with another workspace's agent is answered from that workspace.
    case crossWorkspaceAgentLeak = "cross-workspace-agent-leak"
    /// A cursor issued to the other workspace continues in that workspace.
    case crossWorkspaceCursorLeak = "cross-workspace-cursor-leak"
    /// An id filter value of the other workspace resolves as if it were the caller's.
    case crossWorkspaceIDResolves = "cross-workspace-id-resolves"
    /// search folds only ASCII letters.
    case searchASCIIFolding = "search-ascii-folding"
    /// search is an unescaped SQL LIKE pattern (`%`, `_` are wildcards).
    case searchLikePattern = "search-like-pattern"
    /// Integers are parsed leniently (digit-group underscores, Unicode digits, Unicode whitespace around).
    case lenientIntegers = "lenient-integers"
    /// data_collection_params gt/gte/lt/lte compare binary doubles.
    case dcCompareAsDouble = "dc-compare-as-double"
    /// Cursors are decoded leniently (padding, the standard base64 alphabet).
    case cursorLenientBase64 = "cursor-lenient-base64"
    /// The cursor is only checked when every other parameter is valid.
    case cursorCheckedLast = "cursor-checked-last"
    /// tag_ids and topic_ids values are split at commas.
    case listCommaSplit = "list-comma-split"
    /// A search text over a few KB gets 500 (a database pattern limit); targets over 8 KB get 414 (a front proxy).
    case searchPatternLimit = "search-pattern-limit"
}
