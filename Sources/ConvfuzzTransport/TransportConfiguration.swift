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
    /// Bytes per second under which a transfer counts as stalled (default 16; 0 disables the check).
    /// A transfer slower than this for ``lowSpeedTime`` seconds is cut (`CURLOPT_LOW_SPEED_LIMIT`).
    public var lowSpeedLimit: Int
    /// Seconds a transfer may stay under ``lowSpeedLimit`` before it is cut (default 5, `CURLOPT_LOW_SPEED_TIME`).
    public var lowSpeedTime: Int
    /// The most body bytes one batch of ``HTTPBatchClient`` holds at once (default 16 MiB, and never less than
    /// ``maxResponseBytes``): a transfer that
    /// would take the batch over it is aborted, so a batch never holds `maxConcurrency × maxResponseBytes`.
    public var maxBatchBytes: Int

    /// Creates a configuration; every parameter has the documented default.
    public init(
        connectTimeout: Double = 5,
        totalTimeout: Double = 30,
        maxResponseBytes: Int = 16 * 1024 * 1024,
        userAgent: String = "convfuzz/0.1",
        maxConcurrency: Int = 8,
        lowSpeedLimit: Int = 16,
        lowSpeedTime: Int = 5,
        maxBatchBytes: Int = 16 * 1024 * 1024
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
        self.maxConcurrency = maxConcurrency
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.maxBatchBytes = maxBatchBytes
    }
}
