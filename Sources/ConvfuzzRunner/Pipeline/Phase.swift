import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// A step of a run. Every phase takes the run's one ``PhaseContext`` at creation and the same
/// ``PhaseInput`` when it runs, and returns one ``PhaseOutput``; the ``Runner`` is a list of phases.
///
/// A phase plans its work as ``ReplayPlan``s and has them judged by the ``Replayer``, so what a phase
/// finds is exactly what a re-run of the stored plan finds.
public protocol Phase: Sendable {
    /// The phase's name: its progress lines, its traffic and its work units.
    var name: PhaseName { get }
    /// True when the phase does not start once the run must stop (deadline, halt, signal, `--max-failures`).
    var skippedWhenStopping: Bool { get }
    /// The checks the phase can report, or nil for a phase that runs whatever the selection (the
    /// preflight and discovery, which later phases need). The runner skips a phase none of whose
    /// checks is selected (`--checks`, `--exclude-checks`): it sends nothing.
    var reportableChecks: Set<CheckID>? { get }
    /// Runs the phase; throws when the target cannot be judged any further.
    func run(_ input: PhaseInput) throws(RunAbort) -> PhaseOutput
}

extension Phase {
    /// Runs whatever the selection, unless the phase says what it can report.
    public var reportableChecks: Set<CheckID>? { nil }

    /// True when the phase runs under `selection`: it can report a selected check (or always runs).
    public func runs(under selection: CheckSelection) -> Bool {
        reportableChecks.map(selection.selectsAny(of:)) ?? true
    }
}

/// What every phase is given: what earlier phases learnt, as values.
public struct PhaseInput: Sendable {
    /// The discovery walk's pools, base walk, issued cursors and window (empty before discovery ran).
    public var discovery: Discovery
    /// Valid cases of the whole run, in case order (empty before the case phase ran).
    public var validCases: [GeneratedCase]
    /// The run's finding signatures so far.
    public var known: Set<String>
    /// The coverage of the cases sent so far (nil before the case phase ran); `--explore` goes on from it.
    public var coverage: CoverageTable?
    /// What the fixed size ladders got (empty before the case phase ran); `--explore` takes the ladders
    /// the target still answered a rung further.
    public var sizeLadders: [SizeLadderOutcome] = []

    /// Creates an input.
    public init(discovery: Discovery, validCases: [GeneratedCase] = [], known: Set<String> = []) {
        self.discovery = discovery
        self.validCases = validCases
        self.known = known
    }
}

/// What every phase returns: its findings, its work units, the walks it judged and what is particular to it.
public struct PhaseOutput: Sendable {
    /// Findings, in the order the phase met them.
    public var findings: FindingLog
    /// Units planned and done (what `--shard` splits).
    public var work: WorkLog
    /// Walks judged.
    public var tally: WalkTally
    /// What is particular to the phase.
    public var payload: PhasePayload

    /// Creates an output.
    public init(findings: FindingLog, work: WorkLog = WorkLog(), tally: WalkTally = WalkTally(), payload: PhasePayload = .none) {
        self.findings = findings
        self.work = work
        self.tally = tally
        self.payload = payload
    }
}

/// What is particular to a phase's output.
public enum PhasePayload: Sendable {
    /// Nothing beyond findings, work and walks.
    case none
    /// Discovery: the value later phases are judged against.
    case discovery(Discovery)
    /// Corpus replay: one outcome per entry replayed.
    case corpus([CorpusReplayOutcome])
    /// Auth and tenancy: one line per part, what was sent or why it was skipped.
    case access(notes: [String])
    /// Cases: what was sent and which cases later phases start from.
    case cases(CaseSummary)
    /// Walks: page sizes of the complete fixed-size walks (coverage cells).
    case walks(coveredPageSizes: [Int])
    /// Relations: plans evaluated.
    case relations(evaluated: Int)
    /// `--explore`'s cases of one window past `--max-cases` (coverage includes the case phase's).
    case explored(CaseSummary)
    /// `--explore`'s rounds: what they sent, the coverage so far and the series of checkpoints.
    case exploration(ExplorationOutcome)
    /// The fixed cases a request budget cut, resumed with what confirmation does not need (coverage
    /// includes the case phase's).
    case resumed(CaseSummary)
}

/// What the case phase sent.
public struct CaseSummary: Sendable {
    /// Valid cases without a cursor, in case order, of the whole run (walks and relations start from
    /// them); for `--explore`'s cases, those of its window (the further walks and relations start from them).
    public var validCases: [GeneratedCase]
    /// Coverage of parameter × case class.
    public var coverage: CoverageTable
    /// Cases sent.
    public var cases: Int
    /// Cases per expected outcome (`valid`, `empty`, `invalid`).
    public var casesByExpectation: [String: Int]
    /// Why the phase stopped early, if it did.
    public var stoppedEarly: String?
    /// How many of `--max-cases` were sent when a budget or a stop cut the phase, and why (nil when all were).
    public var cut: String?
    /// What each size ladder sent got, in spec order (empty when none was sent).
    public var sizeLadders: [SizeLadderOutcome] = []
    /// The position in the case order where a cut phase stopped (nil when every case was sent).
    public var next: Int?
}

/// What `--explore`'s rounds did.
public struct ExplorationOutcome: Sendable {
    /// Counts and why exploration ended.
    public var report: ExplorationReport
    /// The coverage after the last round (the case phase's included).
    public var coverage: CoverageTable
    /// Cases per expected outcome (`valid`, `empty`, `invalid`), of the explored cases.
    public var casesByExpectation: [String: Int]
    /// One point per round, counted from the run's findings before exploration (``RunCheckpoint/findings``
    /// is this phase's unique findings new to the run; the runner adds what it had).
    public var checkpoints: [RunCheckpoint]
    /// The run's size ladders with the further rungs sent.
    public var sizeLadders: [SizeLadderOutcome]
}

// MARK: - Reading payloads

extension PhaseOutput {
    /// The discovery, for the discovery phase's output.
    public var discovery: Discovery? { if case .discovery(let value) = payload { value } else { nil } }
    /// The corpus outcomes, for the corpus phase's output.
    public var corpusOutcomes: [CorpusReplayOutcome] { if case .corpus(let value) = payload { value } else { [] } }
    /// The notes, for the access phase's output.
    public var notes: [String] { if case .access(let value) = payload { value } else { [] } }
    /// What was sent, for the case phase's output.
    public var cases: CaseSummary? { if case .cases(let value) = payload { value } else { nil } }
    /// Page sizes of complete fixed-size walks, for the walk phase's output.
    public var coveredPageSizes: [Int] { if case .walks(let value) = payload { value } else { [] } }
    /// Plans evaluated, for the relation phase's output.
    public var evaluated: Int { if case .relations(let value) = payload { value } else { 0 } }
}
