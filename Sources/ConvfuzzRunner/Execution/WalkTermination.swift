/// Why a cursor walk stopped.
public enum WalkTermination: Sendable, Hashable, Codable {
    /// A page said there is nothing more.
    case completed
    /// The page bound was reached with the target still offering more.
    case pageLimit(Int)
    /// The target handed back a cursor it had already given in this walk.
    case repeatedCursor(String)
    /// A page failed (transport error, non-success status, unparsable body).
    case failed(String)

    /// True when the walk saw every page.
    public var isComplete: Bool { self == .completed }
}
