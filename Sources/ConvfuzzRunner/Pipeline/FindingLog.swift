import ConvfuzzGeneration
import ConvfuzzOracle

/// Unique findings by signature, in the order first seen, with how to confirm and reproduce each.
///
/// A value: each phase returns its own log, started from the signatures the run already knows (so
/// it can tell which findings are new to the run and count toward `--max-failures`), and the runner
/// merges it into the run's log in phase order.
public struct FindingLog: Sendable {
    /// One unique finding and what is needed to confirm, shrink and store it.
    public struct Entry: Sendable {
        /// The first finding with this signature.
        public var finding: Finding
        /// Where it came from.
        public var origin: FindingOrigin
        /// How it is reproduced (and stored).
        public var replay: ReplayPlan
        /// How many times the signature was seen.
        public var occurrences: Int
        /// How confirmation re-runs it.
        public var confirm: Confirmation

        /// True for a stored corpus entry that still fails (it already has a file).
        public var isCorpusRegression: Bool {
            if case .corpus = origin { return true }
            return false
        }
    }

    /// How a finding is re-run to confirm it.
    public enum Confirmation: Sendable {
        /// Re-send one generated case (and shrink it when it fails again).
        case generatedCase(GeneratedCase)
        /// Re-send one query and check the response (the preflight's).
        case response(query: String)
        /// Re-run the entry's replay plan (walks, comparisons, relations, auth, tenancy) against a fresh base walk.
        case replay
        /// Already confirmed (a corpus regression).
        case none
    }

    /// Signatures the run knew before this log started.
    public private(set) var known: Set<String>
    private var signatures: [String] = []
    private var entries: [String: Entry] = [:]

    /// An empty log; `known` holds the signatures the run already has.
    public init(known: Set<String> = []) {
        self.known = known
    }

    /// Unique findings in this log.
    public var count: Int { signatures.count }

    /// Unique findings of the run so far: those known before and the new ones here.
    public var runUniqueCount: Int { known.count + signatures.filter { !known.contains($0) }.count }

    /// Records findings; returns the entries whose signature is new to the run.
    @discardableResult
    public mutating func record(_ findings: [Finding], origin: FindingOrigin, replay: ReplayPlan,
                                confirm: Confirmation) -> [Entry] {
        var fresh: [Entry] = []
        for finding in findings {
            let entry = Entry(finding: finding, origin: origin, replay: replay, occurrences: 1, confirm: confirm)
            if insert(entry), !known.contains(finding.signature) { fresh.append(entry) }
        }
        return fresh
    }

    /// Adds another log's entries after this one's: a signature already here adds its occurrences.
    public mutating func merge(_ other: FindingLog) {
        for entry in other.ordered {
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
