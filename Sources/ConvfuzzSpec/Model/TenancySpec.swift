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

    /// The parameter of an equality filter on the item field that names the item's owner, if any.
    public var ownerParam: String?
    /// What the owner filter gives with another workspace's value.
    public var foreignOwner: ForeignOwner
    /// Lines of the `owner_param` and `foreign_statuses` keys, for linter messages.
    public var lines: (owner: Int, statuses: Int)

    /// Creates a tenancy rule; by default no owner filter and `empty`.
    public init(ownerParam: String? = nil, foreignOwner: ForeignOwner = .empty, lines: (owner: Int, statuses: Int) = (1, 1)) {
        self.ownerParam = ownerParam
        self.foreignOwner = foreignOwner
        self.lines = lines
    }

    /// Equality of everything but the source lines.
    public static func == (lhs: TenancySpec, rhs: TenancySpec) -> Bool {
        lhs.ownerParam == rhs.ownerParam && lhs.foreignOwner == rhs.foreignOwner
    }
}
