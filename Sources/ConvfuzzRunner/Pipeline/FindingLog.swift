import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults

/// Unique findings by signature, in the order first seen, with how to confirm and reproduce each.
///
/// A value: each phase returns its own log, started from the signatures the run already knows (so
/// it can tell which findings are new to the run and count toward `--max-failures`), and the runner
/// merges it into the run's log in phase order.
public struct FindingLog: Sendable {
    /// One unique finding: the finding, the one plan that found it (and reproduces it), and where the plan came from.
    public struct Entry: Sendable {
        /// The first finding with this signature.
        public var finding: Finding
        /// The plan that found it: what confirmation re-runs, shrinking starts from and the corpus stores.
        public var plan: ReplayPlan
        /// Whether the plan came from this run or from a stored corpus entry.
        public var source: FindingSource
        /// How many times the signature was seen.
        public var occurrences: Int

        /// True for a stored corpus entry that still fails (it already has a file, and its replay confirmed it).
        public var isCorpusRegression: Bool {
            if case .corpus = source { return true }
            return false
        }

        /// Where it came from, for reports: derived from the plan and the source.
        public func origin(seed: UInt64) -> FindingOrigin {
            FindingOrigin(plan: plan, source: source, seed: seed)
        }
    }

    /// Signatures the run knew before this log started.
    public private(set) var known: Set<String>
    /// The checks whose findings the log keeps (`--checks`, `--exclude-checks`): a finding of any
    /// other check is dropped as it is recorded, so it is never announced, confirmed or reported.
    public let selection: CheckSelection
    private var signatures: [String] = []
    private var entries: [String: Entry] = [:]

    /// An empty log; `known` holds the signatures the run already has, `selection` the checks it keeps.
    public init(known: Set<String> = [], selection: CheckSelection = .all) {
        self.known = known
        self.selection = selection
    }

    /// Unique findings in this log.
    public var count: Int { signatures.count }

    /// Unique findings of the run so far: those known before and the new ones here.
    public var runUniqueCount: Int { known.count + signatures.filter { !known.contains($0) }.count }

    /// Records what `plan` found; returns the entries whose signature is new to the run.
    @discardableResult
    public mutating func record(_ findings: [Finding], plan: ReplayPlan, source: FindingSource = .run) -> [Entry] {
        var fresh: [Entry] = []
        for finding in selection.filter(findings) {
            let entry = Entry(finding: finding, plan: plan, source: source, occurrences: 1)
            if insert(entry), !known.contains(finding.signature) { fresh.append(entry) }
        }
        return fresh
    }

    /// Adds another log's entries after this one's: a signature already here adds its occurrences.
    public mutating func merge(_ other: FindingLog) {
        for entry in other.ordered where selection.contains(entry.finding.check) {
            insert(entry)
            known.insert(entry.finding.signature)
        }
    }

    /// Adds an entry; a signature already here only adds its occurrences. True when the signature is new here.
    @discardableResult
    public mutating func insert(_ entry: Entry) -> Bool {
        let signature = entry.finding.signature
        guard entries[signature] == nil else {
            entries[signature]!.occurrences += entry.occurrences
            return false
        }
        signatures.append(signature)
        entries[signature] = entry
        return true
    }

    /// Every signature in this log or known before it.
    public var allSignatures: Set<String> { known.union(signatures) }

    /// Entries in the order first seen.
    public var ordered: [Entry] { signatures.compactMap { entries[$0] } }
}

/// Where a finding's plan came from.
public enum FindingSource: Sendable, Hashable {
    /// This run planned it.
    case run
    /// A stored corpus entry (the file) that still fails.
    case corpus(file: String)
}
