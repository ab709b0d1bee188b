/// Limits and identity shared by every transfer of a client.
public struct TransportConfiguration: Sendable, Hashable {
    /// Seconds allowed for the TCP connect (default 5).
    public var connectTimeout: Double
    /// Seconds allowed for the whole transfer, connect included (default 30).
    public var totalTimeout: Double
    /// Largest accepted body in bytes (default 16 MiB); larger bodies abort the transfer.
    public var maxResponseBytes: Int
    /// The `User-Agent` header (default `convfuzz/0.1`); a request header of that name wins.
    public var userAgent: String
    /// Transfers in flight at once in ``HTTPBatchClient`` (default 8, at least 1).
    public var maxConcurrency: Int

    /// Creates a configuration; every parameter has the documented default.
    public init(
        connectTimeout: Double = 5,
        totalTimeout: Double = 30,
        maxResponseBytes: Int = 16 * 1024 * 1024,
        userAgent: String = "convfuzz/0.1",
        maxConcurrency: Int = 8
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
        self.maxConcurrency = maxConcurrency
    }
}
