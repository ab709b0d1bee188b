/// How the target authenticates a request.
public struct AuthSpec: Sendable, Equatable {
    /// The header that carries the key.
    public var header: String
    /// The default environment variable that holds the key.
    public var env: String
    /// Statuses that mean the key was refused.
    public var unauthorizedStatuses: [Int]

    /// Creates an auth spec.
    public init(header: String, env: String, unauthorizedStatuses: [Int]) {
        self.header = header
        self.env = env
        self.unauthorizedStatuses = unauthorizedStatuses
    }
}
