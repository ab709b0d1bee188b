extension CheckID {
    /// The concern the check belongs to.
    public var category: CheckCategory {
        switch self {
        case .status5xx, .statusRejected, .statusAccepted, .statusUnexpected: return .status
        case .errorShape, .errorLoc: return .error
        case .bodyJSON: return .body
        case .schema: return .schema
        case .pageSize, .order, .hasMoreCursor, .projection, .resultsIDs, .relationEmpty: return .page
        case .filter: return .filter
        case .walkLoop, .walkDup, .walkOrder, .walkHasMore, .walkPageSize, .walkCompleteness, .sortReverse: return .walk
        case .cursorInvalid, .cursorReuse: return .cursor
        case .metaSubset, .metaAnd, .metaUnion, .metaDisjoint, .metaPartition, .metaMonotone, .metaProjection, .metaCase, .metaEmpty, .metaLiteral:
            return .relation
        case .contentType: return .body
        case .errorContentType: return .error
        case .authBypass, .authError, .authBody, .authHeaderCase: return .auth
        case .tenantLeak, .tenantOwner, .tenantCursor, .tenantID: return .tenancy
        case .transport, .retryRate: return .transport
        }
    }

    /// A short human title.
    public var title: String {
        switch self {
        case .status5xx: return "server error"
        case .statusRejected: return "valid request rejected"
        case .statusAccepted: return "invalid request accepted"
        case .statusUnexpected: return "unexpected status"
        case .errorShape: return "malformed validation error"
        case .errorLoc: return "validation error does not name the parameter"
        case .bodyJSON: return "body is not complete JSON"
        case .schema: return "response schema violation"
        case .pageSize: return "page larger than the page size"
        case .order: return "items out of order on a page"
        case .hasMoreCursor: return "has-more flag disagrees with the next cursor"
        case .projection: return "response-shaping parameter not honoured"
        case .resultsIDs: return "unrequested ids in a result map"
        case .filter: return "item violates a filter"
        case .relationEmpty: return "conflicting bounds did not give an empty page"
        case .walkLoop: return "cursor walk does not end"
        case .walkDup: return "cursor walk repeats an item"
        case .walkOrder: return "order broken across pages"
        case .walkHasMore: return "has-more promised an item that never came"
        case .walkPageSize: return "walk depends on the page size"
        case .walkCompleteness: return "filtered walk incomplete or too large"
        case .cursorInvalid: return "foreign cursor not rejected as the contract says"
        case .cursorReuse: return "reused cursor does not continue from its position"
        case .sortReverse: return "ascending walk is not the reverse of descending"
        case .metaSubset: return "narrower query returned more"
        case .metaAnd: return "AND of filters is not the intersection"
        case .metaUnion: return "list filter is not the union of its values"
        case .metaDisjoint: return "different equality values overlap"
        case .metaPartition: return "complementary filters do not partition"
        case .metaMonotone: return "tighter bound returned more"
        case .metaProjection: return "response-shaping parameter changed the item set"
        case .metaCase: return "case-insensitive filter depends on case"
        case .metaEmpty: return "empty text filter does not mean what the spec says"
        case .metaLiteral: return "metacharacter or separator read as a pattern"
        case .authBypass: return "wrong or missing key accepted"
        case .authError: return "wrong key not refused cleanly"
        case .authBody: return "refusal body breaks the refusal schema"
        case .authHeaderCase: return "valid key refused under another header-name case"
        case .tenantLeak: return "another workspace's item listed"
        case .tenantOwner: return "another workspace's owner value not answered as the spec says"
        case .tenantCursor: return "cursor of another key leaks its items"
        case .tenantID: return "id of another workspace is not an unknown id"
        case .transport: return "transport failure"
        case .contentType: return "success response with the wrong media type"
        case .errorContentType: return "validation error with the wrong media type"
        case .retryRate: return "many requests needed a retry"
        }
    }

    /// One line: what the finding means and where to look.
    public var explanation: String {
        switch self {
        case .status5xx:
            return "The target answered with a server error (status at or above the spec's server_error_floor); look at the server log for the request's crash or unhandled input."
        case .statusRejected:
            return "The spec says the request is valid but the target did not answer with the success status; look at validation for the parameter named in the error body (401/403 means the API key itself was refused)."
        case .statusAccepted:
            return "The spec says the request is invalid but the target answered 2xx; look at the validation of the parameter named in the finding (range, type, enum or grammar)."
        case .statusUnexpected:
            return "The status is neither the success nor the validation status the spec allows for this case; look at error mapping (e.g. 400 instead of 422, or a redirect)."
        case .errorShape:
            return "A validation error body does not follow the spec's error_schema (a list of problems, each with a location); look at the error serialiser."
        case .errorLoc:
            return "No validation error item has a loc of [loc_prefix, parameter, ...] for an offending parameter; look at which parameter the validator blames."
        case .bodyJSON:
            return "The body is not valid JSON, ended early (truncated), or exceeded the response size cap; look at serialisation and at connections closed mid-body."
        case .schema:
            return "The success body breaks the response schema (missing required field, wrong type, null where not nullable, value outside enum or bounds) at the JSON path shown."
        case .pageSize:
            return "A page holds more items than the page size sent (or the spec's default page size when omitted); look at the limit applied to the query."
        case .order:
            return "Consecutive items on one page are not strictly in the declared order (key, direction, tie-break by code points), or an item repeats; look at the ORDER BY."
        case .hasMoreCursor:
            return "The has-more flag is not true exactly when the next cursor is non-null; look at how the last page is detected."
        case .projection:
            return "A response-shaping parameter's rule (e.g. field absent/null or present in every item) is broken for its value or default; look at the item serialiser."
        case .resultsIDs:
            return "A per-id result map holds an id that was not requested, or appears although its helper parameter was not sent; look at how result maps are filtered."
        case .filter:
            return "A returned item does not satisfy a filter whose effect is visible in the item (operator, inclusivity, null handling, per-id results); look at the filter's predicate."
        case .relationEmpty:
            return "Two valid but conflicting bounds (lower above upper) must give a success with an empty page and no more items; look at how the range is applied."
        case .walkLoop:
            return "Following next cursors repeated a cursor or went far beyond the expected number of pages; look at cursor encoding and the position it resumes from."
        case .walkDup:
            return "The same id came back twice in one cursor walk; look at cursor position handling, ties and offset-based paging."
        case .walkOrder:
            return "The first item of a page is not strictly after the last item of the previous page in the declared order; look at the cursor's comparison (key and tie-break)."
        case .walkHasMore:
            return "A page said more items follow but the next page was empty; look at how has-more is computed (fetch one extra row instead of guessing)."
        case .walkPageSize:
            return "Complete walks with two page sizes returned different sets of ids; look at items skipped or repeated at page boundaries."
        case .walkCompleteness:
            return "A filtered walk is not exactly the base walk's items that satisfy the filters; look at filters applied together with the cursor condition."
        case .cursorInvalid:
            return "A cursor the target never issued (garbage, truncated, edited, empty) did not get the spec's status; look at cursor decoding and validation."
        case .cursorReuse:
            return "A cursor sent with other filters did not continue from its position under those filters; look at whether the cursor encodes the query instead of a position."
        case .sortReverse:
            return "The ascending walk is not the exact reverse of the descending walk; look at the direction of the tie-break and at the cursor comparison in each direction."
        case .metaSubset:
            return "Adding a filter returned an id the query without it did not return; look at the added filter (possibly hidden) and at OR-instead-of-AND logic."
        case .metaAnd:
            return "Two filters together did not return the intersection of their separate results; look at how filters are combined."
        case .metaUnion:
            return "A multi-value list filter did not return the union (any-of) or intersection (none-of, all-of items) of its single-value queries; look at list handling."
        case .metaDisjoint:
            return "Two different values of a single-valued equality filter returned a common id; look at the equality (prefix, case folding or ignored filter)."
        case .metaPartition:
            return "Complementary filters (exists/missing, eq v/neq v) are not disjoint or do not cover the broader set; look at missing-value handling."
        case .metaMonotone:
            return "A tighter bound returned an id the looser bound did not; look at the bound's comparison and inclusivity."
        case .metaProjection:
            return "A response-shaping parameter changed which ids are returned; it must only change item contents."
        case .metaCase:
            return "A filter the spec calls case-insensitive returned different ids for values that differ only in letter case; look at case folding."
        case .metaEmpty:
            return "A text filter sent with an empty value did not give what the spec's empty_means declares (the unfiltered result set for no_filter, no item for nothing); look at how an empty value is parsed (\"\" treated as a literal, or as null)."
        case .metaLiteral:
            return "A text filter value holding a metacharacter (SQL LIKE %, _, a regex or glob character) or a list value holding a separator matched every item that the plain word (or the whole set) matches, although the spec compares the text literally; look at a LIKE pattern or regex built from the value without escaping, or a list value split at commas."
        case .authBypass:
            return "A request without the auth header, with an empty value or with a wrong key got a success status; look at whether the auth check runs for this route and compares the whole key."
        case .authError:
            return "A missing, empty or wrong key got neither one of the spec's unauthorized_statuses nor success (a 5xx, another status, or no response); look at how key lookup failures are handled."
        case .authBody:
            return "A refusal body is not JSON or does not follow the spec's auth.refusal_schema; look at the error serialiser of the auth layer."
        case .authHeaderCase:
            return "The valid key sent under the auth header name in another letter case was not accepted; HTTP header names are case-insensitive, so look at a case-sensitive header lookup."
        case .tenantLeak:
            return "An unfiltered walk under the second key returned an item (an id or an owner value) seen under the first key; look at how list queries are scoped to the caller's workspace."
        case .tenantOwner:
            return "The owner filter (auth.tenancy.owner_param) sent by the second key with an owner value of the first key did not give auth.tenancy.foreign_owner (an empty page by default); look at whether the owner is resolved inside the caller's workspace."
        case .tenantCursor:
            return "A cursor issued to one key and sent with the other yielded items of the issuing key's workspace; look at whether the cursor carries the workspace and the server trusts it over the key."
        case .tenantID:
            return "An identifier filter (identifier: true) sent with an id of the other key's workspace did not get byte for byte the answer to an id that exists nowhere (auth.tenancy.foreign_ids: unknown); look at whether ids are resolved inside the caller's workspace."
        case .transport:
            return "The connection failed, stalled under the low-speed limit, timed out or was reset (after the runner's retries); look at the target's availability, crashes, proxies and slow paths."
        case .contentType:
            return "A 2xx response carries a Content-Type other than the spec's response media_type, or none, although clients pick their parser by it; look at the serialiser or a proxy rewriting headers."
        case .errorContentType:
            return "A validation error (the spec's validation status) carries a Content-Type other than the spec's error media_type, or none; look at the error handler or a proxy's error pages."
        case .retryRate:
            return "More than the allowed share of requests needed a retry (stall, reset, timeout, 429, 503) even though retries absorbed it; not gating, look at capacity, rate limits and proxies."
        }
    }
}
