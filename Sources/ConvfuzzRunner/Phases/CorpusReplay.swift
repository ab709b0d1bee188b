import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle

/// Phase 3: every stored failure is re-sent, as a regression test; one that still fails is a finding.
///
/// It runs after discovery, so a stored generated case is regenerated from its seed and choices with
/// the harvested pools (as it was when it was found) and `regenerationAgrees` means what it says.
public struct CorpusReplay: Sendable {
    /// What the replay found.
    public struct Result: Sendable {
        /// One outcome per entry, in file order.
        public var outcomes: [CorpusReplayOutcome]
        /// Entries that still fail.
        public var findings: FindingLog
    }

    /// The run's services.
    public let context: PhaseContext
    /// What replays are judged against (pools for regeneration, issued cursors, base walk).
    public let discovery: Discovery

    /// Creates the phase.
    public init(context: PhaseContext, discovery: Discovery) {
        self.context = context
        self.discovery = discovery
    }

    /// Replays every file (already sorted); a file that is not a corpus entry stops the run (exit 2).
    public func run(files: [String], known: Set<String> = []) throws(RunAbort) -> Result {
        var outcomes: [CorpusReplayOutcome] = []
        var log = FindingLog(known: known)
        for (position, file) in files.enumerated() {
            context.progress.report("corpus", done: position, total: files.count, findings: log.runUniqueCount)
            let entry = try Self.load(file)
            let outcome = replay(entry, file: file)
            outcomes.append(outcome.outcome)
            if outcome.outcome.stillFails, let finding = outcome.finding {
                context.progress.announce(log.record([finding], origin: .corpus(file: file), replay: entry.replay, confirm: .none))
            }
        }
        return Result(outcomes: outcomes, findings: log)
    }

    /// Loads one entry; any failure is a one-line `RunAbort` naming the file.
    static func load(_ file: String) throws(RunAbort) -> CorpusEntry {
        do {
            return try CorpusStore.load(path: file)
        } catch let error as RunAbort {
            throw error
        } catch {
            throw RunAbort.invalidInput("\(file): \(error)")
        }
    }

    /// Re-sends one stored failure and re-checks it; also regenerates it from its seed and choices.
    public func replay(_ entry: CorpusEntry, file: String) -> (outcome: CorpusReplayOutcome, finding: Finding?) {
        let spec = context.spec
        let findings = WalkJudge(context: context, discovery: discovery).rerun(entry.replay)
        var agrees: Bool?
        if case .generatedCase(let query, let index, let choices, _) = entry.replay {
            let regenerated = CaseGenerator(spec: spec, pools: discovery.pools).replay(seed: entry.seed, index: index, choices: choices)
            agrees = regenerated.queryString == query
        }
        let match = findings.first { $0.signature == entry.signature }
        let detail: String
        if let match {
            detail = "still fails: \(match.message)"
        } else if findings.isEmpty {
            detail = "passes now"
        } else {
            detail = "passes now (other findings: \(Set(findings.map(\.check.rawValue)).sorted().joined(separator: ", ")))"
        }
        if entry.specFingerprint != spec.fingerprint {
            context.progress.note("note: \(file) was recorded with spec \(entry.specFingerprint), this run uses \(spec.fingerprint)")
        }
        return (CorpusReplayOutcome(file: file, check: entry.check, stillFails: match != nil, regenerationAgrees: agrees,
                                    detail: detail), match)
    }
}
