/// Timings of one transfer as measured by curl, in seconds from the start.
public struct HTTPTimings: Sendable, Hashable {
    /// Until the TCP connection was established (near 0 on a reused connection).
    public var connect: Double
    /// Until the first response byte arrived.
    public var startTransfer: Double
    /// The whole transfer.
    public var total: Double

    /// Creates timings.
    public init(connect: Double, startTransfer: Double, total: Double) {
        self.connect = connect
        self.startTransfer = startTransfer
        self.total = total
    }
}
