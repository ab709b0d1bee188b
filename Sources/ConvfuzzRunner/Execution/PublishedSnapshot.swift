import ConvfuzzGeneration
import Foundation

/// What the runner has gathered between phases: the statistics, coverage, corpus outcomes, work log
/// and access notes. A value, published after every phase for ``Runner/resultSoFar(signal:)``.
struct RunSnapshot: Sendable {
    var statistics = RunStatistics()
    var coverage: CoverageTable
    var corpusOutcomes: [CorpusReplayOutcome] = []
    var work = WorkLog()
    var accessNotes: [String] = []
}

/// The run's snapshot as last published by the runner thread, readable from any thread.
final class PublishedSnapshot: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value: RunSnapshot

    init(_ initial: RunSnapshot) { value = initial }

    /// Publishes a copy.
    func store(_ snapshot: RunSnapshot) { lock.withLock { value = snapshot } }

    /// The last published copy.
    var current: RunSnapshot { lock.withLock { value } }
}
