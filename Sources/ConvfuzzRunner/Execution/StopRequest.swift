import Foundation

/// A request to stop a run early (SIGINT, SIGTERM), set from a signal handler and read by the runner.
///
/// Once set, the runner starts no new phase or batch, skips re-running findings (they are reported
/// `unconfirmed`), and still stores every finding in the corpus.
public final class StopRequest: @unchecked Sendable {
    // `signalName` is guarded by `lock`.
    private let lock = NSLock()
    private var signalName: String?

    /// Creates an unset request.
    public init() {}

    /// Asks the run to stop; the first signal's name is kept.
    public func request(signal: String) {
        lock.withLock { if signalName == nil { signalName = signal } }
    }

    /// The signal that asked the run to stop, or nil.
    public var signal: String? { lock.withLock { signalName } }
}
