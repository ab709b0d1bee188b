/// The stable identifier of every check convfuzz performs (`docs/architecture.md`, "Check ids").
///
/// The raw value is what reports print and `convfuzz explain ID` accepts.
public enum CheckID: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    /// A 5xx status.
    case status5xx = "CF-STATUS-5XX"
    /// A valid request was not answered with the success status.
    case statusRejected = "CF-STATUS-REJECTED"
    /// An invalid request was answered with a 2xx status.
    case statusAccepted = "CF-STATUS-ACCEPTED"
    /// Any other status the spec does not allow for the case.
    case statusUnexpected = "CF-STATUS-UNEXPECTED"
    /// A validation error body does not follow the error schema.
    case errorShape = "CF-ERROR-SHAPE"
    /// No `loc` of a validation error names an offending parameter.
    case errorLoc = "CF-ERROR-LOC"
    /// The body is not JSON, is truncated, or is over the size cap.
    case bodyJSON = "CF-BODY-JSON"
    /// The success body does not conform to the response schema.
    case schema = "CF-SCHEMA"
    /// A page holds more items than the effective page size.
    case pageSize = "CF-PAGE-SIZE"
    /// Items on a page are out of the declared order.
    case order = "CF-ORDER"
    /// The has-more flag disagrees with the presence of a next cursor.
    case hasMoreCursor = "CF-HASMORE-CURSOR"
    /// A response-shaping parameter is not honoured.
    case projection = "CF-PROJECTION"
    /// Per-id result maps hold ids that were not requested.
    case resultsIDs = "CF-RESULTS-IDS"
    /// An item violates a filter whose effect is visible in the item.
    case filter = "CF-FILTER"
    /// Conflicting relation bounds did not give an empty success.
    case relationEmpty = "CF-RELATION-EMPTY"
    /// A walk repeated a cursor or did not end within its bound.
    case walkLoop = "CF-WALK-LOOP"
    /// A walk returned the same id twice.
    case walkDup = "CF-WALK-DUP"
    /// Order broke across a page boundary.
    case walkOrder = "CF-WALK-ORDER"
    /// Has-more was true but no further item followed.
    case walkHasMore = "CF-WALK-HASMORE"
    /// The union of a walk differs between two page sizes.
    case walkPageSize = "CF-WALK-PAGESIZE"
    /// A filtered walk differs from the base walk intersected with the predicate.
    case walkCompleteness = "CF-WALK-COMPLETENESS"
    /// A cursor the server did not issue did not get the contract's answer.
    case cursorInvalid = "CF-CURSOR-INVALID"
    /// A cursor reused under other filters did not continue from its position.
    case cursorReuse = "CF-CURSOR-REUSE"
    /// The ascending walk is not the reverse of the descending walk.
    case sortReverse = "CF-SORT-REVERSE"
    /// Adding a filter returned an item the broader query did not.
    case metaSubset = "CF-META-SUBSET"
    /// The AND of two filters differs from the intersection of their results.
    case metaAnd = "CF-META-AND"
    /// A list filter differs from the union (or intersection) of its single-value queries.
    case metaUnion = "CF-META-UNION"
    /// Two values of a single-valued equality filter returned a common item.
    case metaDisjoint = "CF-META-DISJOINT"
    /// Complementary filters do not partition the set.
    case metaPartition = "CF-META-PARTITION"
    /// Tightening a bound returned an item the looser bound did not.
    case metaMonotone = "CF-META-MONOTONE"
    /// A response-shaping parameter changed which items are returned.
    case metaProjection = "CF-META-PROJECTION"
    /// A case-insensitive filter gave different items for values that differ only in case.
    case metaCase = "CF-META-CASE"
    /// An empty text filter did not mean what the spec declares (no filter, or nothing).
    case metaEmpty = "CF-META-EMPTY"
    /// A text holding pattern metacharacters or a list separator matched every item its plain word matches.
    case metaLiteral = "CF-META-LITERAL"
    /// A missing, empty or wrong key was answered with a success status.
    case authBypass = "CF-AUTH-BYPASS"
    /// A missing, empty or wrong key got neither a refusal status nor success (a 5xx, another status, no response).
    case authError = "CF-AUTH-ERROR"
    /// A refusal body does not follow the spec's refusal schema.
    case authBody = "CF-AUTH-BODY"
    /// The valid key under another letter case of the header name was not accepted.
    case authHeaderCase = "CF-AUTH-HEADER-CASE"
    /// The second key's walk holds an item of the first key's workspace.
    case tenantLeak = "CF-TENANT-LEAK"
    /// The owner filter with another workspace's value did not give what the spec says.
    case tenantOwner = "CF-TENANT-OWNER"
    /// A cursor issued to one key and sent with the other yielded the issuing key's items.
    case tenantCursor = "CF-TENANT-CURSOR"
    /// An identifier of another workspace as a filter value was not answered like an id that exists nowhere.
    case tenantID = "CF-TENANT-ID"
    /// Connection errors or timeouts persisted after retries.
    case transport = "CF-TRANSPORT"
    /// A success response's `Content-Type` is not the spec's response media type (or is missing).
    case contentType = "CF-CONTENT-TYPE"
    /// A validation error's `Content-Type` is not the spec's error media type (or is missing).
    case errorContentType = "CF-ERROR-CONTENT-TYPE"
    /// More than the allowed share of requests needed a retry (reported, never gating).
    case retryRate = "CF-RETRY-RATE"

    /// Orders ids by their position in the catalogue.
    public static func < (lhs: CheckID, rhs: CheckID) -> Bool {
        let all = allCases
        return (all.firstIndex(of: lhs) ?? 0) < (all.firstIndex(of: rhs) ?? 0)
    }

    /// The id for a raw text such as `CF-ORDER` (case-insensitive), if it is one.
    public init?(text: String) {
        self.init(rawValue: text.uppercased())
    }
}
