/// Configuration of the reference server and application.
public struct ReferenceServerConfiguration: Sendable {
    /// Host to bind (IPv4 literal, or `localhost`).
    public var host: String
    /// Port to bind; 0 picks an ephemeral port (see `ReferenceServer.port`).
    public var port: Int
    /// Dataset seed.
    public var seed: UInt64
    /// Number of conversations.
    public var size: Int
    /// The number of conversations when none is named (`serve` and the embedded server alike).
    public static let defaultSize = 1000
    /// The deliberate contract violation to enable, if any.
    public var fault: ReferenceFault?
    /// Required `xi-api-key` value; nil disables auth.
    public var apiKey: String?
    /// The key of a second workspace with its own, disjoint dataset; nil serves one workspace.
    public var secondAPIKey: String?
    /// Canonical parameter name → wire name (identity when absent).
    public var parameterNames: [String: String]
    /// Insert one newest conversation after every N list requests (growth simulation).
    public var insertEvery: Int?
    /// Insert this many new newest conversations per second of wall-clock time, each stamped with the
    /// current second (growth simulation; several share a second above one per second).
    public var insertRate: Double?
    /// The list endpoint's path.
    public var basePath: String
    /// Transport misbehaviours (`--chaos`), taken in turn by the affected list requests.
    public var chaos: [ChaosMode]
    /// The share of list requests a chaos mode affects (`--chaos-rate`, in (0, 1], default 1).
    public var chaosRate: Double

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 0, seed: UInt64 = 1, size: Int = ReferenceServerConfiguration.defaultSize,
        fault: ReferenceFault? = nil, apiKey: String? = nil, parameterNames: [String: String] = [:],
        insertEvery: Int? = nil, insertRate: Double? = nil, basePath: String = "/v1/convai/conversations",
        secondAPIKey: String? = nil, chaos: [ChaosMode] = [], chaosRate: Double = 1
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.size = size
        self.fault = fault
        self.apiKey = apiKey
        self.secondAPIKey = secondAPIKey
        self.parameterNames = parameterNames
        self.insertEvery = insertEvery
        self.insertRate = insertRate
        self.basePath = basePath
        self.chaos = chaos
        self.chaosRate = chaosRate
    }
}
