import ConvfuzzResults
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

/// A sink that removes the run's secrets from every line before another sink shows it, so no progress
/// line (a finding's message, a phase note) can show a key or a secret value.
public struct RedactingProgress: ProgressSink {
    private let inner: any ProgressSink
    private let redactor: Redactor

    /// Wraps `inner`.
    public init(_ inner: any ProgressSink, redactor: Redactor) {
        self.inner = inner
        self.redactor = redactor
    }

    /// Passes the snapshot on (it holds counts and a phase name only).
    public func update(_ snapshot: ProgressSnapshot) { inner.update(snapshot) }
    /// Passes the line on, redacted.
    public func note(_ line: String) { inner.note(redactor.redact(line)) }
    /// Passes the end on.
    public func finish() { inner.finish() }
}
