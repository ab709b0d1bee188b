/// How the target authenticates a request, what a refusal looks like, and how workspaces are kept apart.
public struct AuthSpec: Sendable, Equatable {
    /// The header that carries the key.
    public var header: String
    /// The default environment variable that holds the key.
    public var env: String
    /// Statuses that mean the key was refused.
    public var unauthorizedStatuses: [Int]
    /// The shape of a refusal's body, when the spec declares one (`refusal_schema`).
    public var refusalSchema: SchemaNode?
    /// The tenancy rule between two keys of different workspaces.
    public var tenancy: TenancySpec
    /// Lines of the `header` and `unauthorized_statuses` keys (1 when absent), for linter messages.
    public var lines: (header: Int, statuses: Int)

    /// Creates an auth spec.
    public init(header: String, env: String, unauthorizedStatuses: [Int], refusalSchema: SchemaNode? = nil,
                tenancy: TenancySpec = TenancySpec(), lines: (header: Int, statuses: Int) = (1, 1)) {
        self.header = header
        self.env = env
        self.unauthorizedStatuses = unauthorizedStatuses
        self.refusalSchema = refusalSchema
        self.tenancy = tenancy
        self.lines = lines
    }

    /// Equality of everything but the source lines.
    public static func == (lhs: AuthSpec, rhs: AuthSpec) -> Bool {
        lhs.header == rhs.header && lhs.env == rhs.env && lhs.unauthorizedStatuses == rhs.unauthorizedStatuses
            && lhs.refusalSchema == rhs.refusalSchema && lhs.tenancy == rhs.tenancy
    }
}
