import ConvfuzzGeneration
import ConvfuzzResults

/// What the runner has gathered between phases: the statistics, coverage, corpus outcomes, work log
/// access notes and size ladders. A value, published after every phase for ``Runner/resultSoFar(signal:)``.
struct RunSnapshot: Sendable {
    var statistics = RunStatistics()
    var coverage: CoverageTable
    var corpusOutcomes: [CorpusReplayOutcome] = []
    var work = WorkLog()
    var accessNotes: [String] = []
    var sizeLadders: [SizeLadderOutcome] = []
}
