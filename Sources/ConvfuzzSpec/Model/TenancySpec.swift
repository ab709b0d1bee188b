/// What one workspace's key may see of another workspace (`auth.tenancy`).
///
/// Every key sees only its own workspace's items. `ownerParam` names a filter
/// whose values belong to one workspace (an agent id, say); `foreignOwner` says
/// what that filter gives with a value of another workspace.
public struct TenancySpec: Sendable, Equatable {
    /// What `ownerParam=<a value of another workspace>` gives.
    public enum ForeignOwner: Sendable, Equatable {
        /// The success status with an empty page (the default).
        case empty
        /// One of these refusal statuses.
        case refused(statuses: [Int])

        /// The spec spelling (`empty` or `refused`).
        public var name: String {
            switch self {
            case .empty: return "empty"
            case .refused: return "refused"
            }
        }
    }

    /// What a cursor issued under another key gives.
    public enum ForeignCursor: String, Sendable, Equatable, CaseIterable {
        /// The invalid-cursor answer (`pagination.cursor.invalid_status` with an error item naming the cursor),
        /// alone or beside any other problem of the request.
        case invalid
        /// Either a refusal or the caller's own items; never the issuing key's items (the default).
        case `lenient`
    }

    /// What an identifier filter gives with an id of another workspace.
    public enum ForeignIDs: String, Sendable, Equatable, CaseIterable {
        /// Byte for byte the answer to an id that exists nowhere (every `identifier: true` filter).
        case unknown
        /// Not checked (the default).
        case unchecked
    }

    /// The parameter of an equality filter on the item field that names the item's owner, if any.
    public var ownerParam: String?
    /// What the owner filter gives with another workspace's value.
    public var foreignOwner: ForeignOwner
    /// What a cursor of another workspace gives (`foreign_cursor`).
    public var foreignCursor: ForeignCursor
    /// What an identifier of another workspace gives as a filter value (`foreign_ids`).
    public var foreignIDs: ForeignIDs
    /// Lines of the `owner_param` and `foreign_statuses` keys, for linter messages.
    public var lines: (owner: Int, statuses: Int)

    /// Creates a tenancy rule; by default no owner filter and `empty`.
    public init(ownerParam: String? = nil, foreignOwner: ForeignOwner = .empty,
                foreignCursor: ForeignCursor = .lenient, foreignIDs: ForeignIDs = .unchecked, lines: (owner: Int, statuses: Int) = (1, 1)) {
        self.ownerParam = ownerParam
        self.foreignOwner = foreignOwner
        self.foreignCursor = foreignCursor
        self.foreignIDs = foreignIDs
        self.lines = lines
    }

    /// Equality of everything but the source lines.
    public static func == (lhs: TenancySpec, rhs: TenancySpec) -> Bool {
        lhs.ownerParam == rhs.ownerParam && lhs.foreignOwner == rhs.foreignOwner
            && lhs.foreignCursor == rhs.foreignCursor && lhs.foreignIDs == rhs.foreignIDs
    }
}
