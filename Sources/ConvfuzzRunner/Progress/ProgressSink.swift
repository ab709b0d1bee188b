/// Receives progress from a run. Implementations must be cheap: they are called on the request path.
public protocol ProgressSink: Sendable {
    /// A new snapshot.
    func update(_ snapshot: ProgressSnapshot)
    /// A line worth showing once (phase start, a new finding).
    func note(_ line: String)
    /// The run is over; clear any live line.
    func finish()
}

/// Discards progress.
public struct SilentProgress: ProgressSink {
    /// Creates a sink.
    public init() {}
    /// Ignores the snapshot.
    public func update(_ snapshot: ProgressSnapshot) {}
    /// Ignores the line.
    public func note(_ line: String) {}
    /// Does nothing.
    public func finish() {}
}
