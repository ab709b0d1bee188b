import ConvfuzzOracle
import Foundation

/// Every finding new to the run, in the order announced: what an interrupted run is reported from
/// when it does not wind down within its grace period (``Runner/resultSoFar(signal:)``).
///
/// Phases write to it through ``PhaseProgress/announce(_:)`` and never read it; the runner reads it
/// from another thread. `@unchecked Sendable`: every stored property is guarded by `lock`.
public final class FindingJournal: @unchecked Sendable {
    private let lock = NSLock()
    private var log = FindingLog()

    /// An empty journal.
    public init() {}

    /// Appends entries not journalled yet; returns those that were new (each finding is announced once).
    func append(_ entries: [FindingLog.Entry]) -> [FindingLog.Entry] {
        lock.withLock { entries.filter { log.insert($0) } }
    }

    /// The entries so far, in the order first seen.
    public var entries: [FindingLog.Entry] { lock.withLock { log.ordered } }
}
