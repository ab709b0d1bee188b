/// How a cursor walk stopped.
public enum WalkEnd: Sendable, Hashable, Codable {
    /// A page said no more items follow.
    case completed
    /// The runner's page bound was reached first (the bound is given).
    case pageLimit(Int)
    /// The target handed out a cursor the walk had already followed.
    case repeatedCursor(String)
    /// A request failed (non-success status, transport error, unreadable body).
    case failed(String)
}
