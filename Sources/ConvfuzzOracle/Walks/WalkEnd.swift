/// How a cursor walk stopped.
public enum WalkEnd: Sendable, Hashable, Codable {
    /// A page said no more items follow.
    case completed
    /// The runner's page bound (`--max-walk-pages`) was reached first (the bound is given): the walk
    /// did not end, which is `CF-WALK-LOOP` whatever its items are.
    case pageLimit(Int)
    /// The walk was cut on purpose after this many pages (a sample such as the discovery walk).
    case sampled(Int)
    /// The walks of one phase held their memory bound (bytes given); this walk was stopped unjudged.
    case memoryBound(Int)
    /// The target handed out a cursor the walk had already followed.
    case repeatedCursor(String)
    /// A request failed (non-success status, transport error, unreadable body).
    case failed(String)
}
