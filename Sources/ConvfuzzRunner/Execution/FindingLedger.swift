import ConvfuzzGeneration
import ConvfuzzOracle
import Foundation

/// Unique findings by signature, in the order first seen, with how to reproduce each.
///
/// Locked, so that an interrupted run's findings can be read while the runner winds down.
final class FindingLedger: @unchecked Sendable {
    /// One unique finding and what is needed to confirm, shrink and store it.
    struct Entry {
        var finding: Finding
        var origin: FindingOrigin
        var replay: ReplayPlan
        var occurrences: Int
        var sourceCase: GeneratedCase?
        var confirm: Confirmation

        /// True for a stored corpus entry that still fails (it already has a file).
        var isCorpusRegression: Bool {
            if case .corpus = origin { return true }
            return false
        }
    }

    /// How a finding is re-run to confirm it.
    enum Confirmation {
        /// Re-send one generated case.
        case generatedCase(GeneratedCase)
        /// Re-run a walk (and its companion walks) and re-check.
        case rerun(() -> [Finding])
        /// Already confirmed (e.g. a corpus regression).
        case none
    }

    // Every stored property is guarded by `lock`.
    private let lock = NSLock()
    private var signatures: [String] = []
    private var entries: [String: Entry] = [:]
    private var announced: Set<String> = []

    /// Unique findings so far.
    var count: Int { lock.withLock { signatures.count } }

    /// The findings not announced yet (each finding is shown once), marked as announced.
    func unannounced(_ findings: [Finding]) -> [Finding] {
        lock.withLock { findings.filter { announced.insert($0.signature).inserted } }
    }

    /// Records findings; returns the ones whose signature is new.
    @discardableResult
    func record(_ findings: [Finding], origin: FindingOrigin, replay: ReplayPlan, sourceCase: GeneratedCase? = nil,
                confirm: Confirmation) -> [Finding] {
        lock.lock()
        defer { lock.unlock() }
        var fresh: [Finding] = []
        for finding in findings {
            if entries[finding.signature] != nil {
                entries[finding.signature]!.occurrences += 1
                continue
            }
            signatures.append(finding.signature)
            entries[finding.signature] = Entry(finding: finding, origin: origin, replay: replay, occurrences: 1,
                                               sourceCase: sourceCase, confirm: confirm)
            fresh.append(finding)
        }
        return fresh
    }

    /// Entries in the order first seen.
    var ordered: [Entry] { lock.withLock { signatures.compactMap { entries[$0] } } }

    /// Replaces an entry.
    func update(_ entry: Entry) {
        lock.withLock { entries[entry.finding.signature] = entry }
    }
}
