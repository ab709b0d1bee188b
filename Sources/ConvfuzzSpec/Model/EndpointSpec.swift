/// The operation under test.
public struct EndpointSpec: Sendable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The path below the target's base URL.
    public var path: String

    /// Creates an endpoint.
    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }
}
