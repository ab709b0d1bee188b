import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec
import Foundation

/// Phase 3: replays every stored failure (this shard's share) as a regression test, after discovery,
/// so that a case is regenerated with the same harvested pools it was generated with. An entry that
/// still fails becomes a finding of the run (already confirmed, already stored).
public struct CorpusReplayPhase: Phase {
    /// The run's services.
    public let context: PhaseContext

    /// Creates the phase.
    public init(context: PhaseContext) {
        self.context = context
    }

    /// The phase's name.
    public var name: PhaseName { .corpus }
    /// Stored failures are replayed whatever the run found before.
    public var skippedWhenStopping: Bool { false }

    /// Reads one corpus file, or says which file is not an entry.
    public static func load(_ file: String) throws(RunAbort) -> CorpusEntry {
        do {
            return try CorpusStore.load(path: file)
        } catch let error as RunAbort {
            throw error
        } catch {
            throw RunAbort.invalidInput("\(file): not a convfuzz corpus entry")
        }
    }

    /// Sweeps temporaries a killed run left in the corpus folder, then replays this shard's share of
    /// the stored entries (when corpus replay is on), against the input's discovery.
    public func run(_ input: PhaseInput) throws(RunAbort) -> PhaseOutput {
        guard let directory = context.configuration.corpusDirectory else { return PhaseOutput(findings: context.findingLog(known: input.known)) }
        let store = CorpusStore(directory: directory)
        store.sweepTemporaries()
        guard context.configuration.replayCorpus else { return PhaseOutput(findings: context.findingLog(known: input.known)) }
        return try run(files: store.files(), input: input)
    }

    /// Replays this shard's share of `files` (sorted corpus files) against the input's discovery.
    public func run(files: [String], input: PhaseInput) throws(RunAbort) -> PhaseOutput {
        let discovery = input.discovery
        var outcomes: [CorpusReplayOutcome] = []
        var result = PhaseOutput(findings: context.findingLog(known: input.known), payload: .corpus([]))
        guard !files.isEmpty else { return result }
        result.work.plan(.corpus, total: files.count)
        let owned = context.configuration.shard.owned(of: files.count)
        for (position, unit) in owned.enumerated() {
            let file = files[unit]
            context.progress.report(.corpus, done: position, total: owned.count, findings: result.findings.runUniqueCount)
            result.work.did(.corpus, unit)
            let entry = try Self.load(file)
            // An entry of a check the selection leaves out is not re-sent (`--checks`, `--exclude-checks`).
            guard CheckID(text: entry.check).map(context.selection.contains) ?? true else { continue }
            let replayed = replay(entry, file: file, discovery: discovery, tally: &result.tally)
            outcomes.append(replayed.outcome)
            if entry.isUnconfirmed, replayed.outcome.stillFails { confirm(entry, file: file) }
            if replayed.outcome.stillFails, let finding = replayed.finding {
                context.progress.announce(result.findings.record([finding], plan: entry.replay, source: .corpus(file: file)))
            }
        }
        result.payload = .corpus(outcomes)
        return result
    }

    /// Clears the `unconfirmed` mark of an entry that failed again (it is confirmed now), in its own folder.
    private func confirm(_ entry: CorpusEntry, file: String) {
        var confirmed = entry
        confirmed.status = nil
        let folder = (file as NSString).deletingLastPathComponent
        let store = CorpusStore(directory: folder.isEmpty ? "." : folder)
        guard (store.path(for: confirmed) as NSString).lastPathComponent == (file as NSString).lastPathComponent else { return }
        do {
            try store.save(confirmed, redactor: Redactor(secrets: context.configuration.secrets))
        } catch {
            context.progress.note("warning: could not clear the unconfirmed mark of \(file): \(error)")
        }
    }

    /// Re-sends one stored failure and re-checks it; a generated case is also regenerated from its seed and choices.
    public func replay(_ entry: CorpusEntry, file: String, discovery: Discovery,
                       tally: inout WalkTally) -> (outcome: CorpusReplayOutcome, finding: Finding?) {
        let spec = context.spec
        let requestsBefore = context.executor.requests
        let findings = Replayer(context: context, discovery: discovery).run(entry.replay, tally: &tally)
        let unjudged = unjudgedReason(entry.replay, requestsBefore: requestsBefore)
        var agrees: Bool?
        if case .generatedCase(let query, let index, let choices, _) = entry.replay {
            let regenerated = CaseGenerator(spec: spec, pools: discovery.pools).replay(seed: entry.seed, index: index, choices: choices)
            agrees = regenerated.queryString == query
        }
        // A shrunk walk or relation names less than it did when found: it still shows the stored finding,
        // which keeps its signature (the baseline and the corpus know it by that).
        var match = findings.first { $0.signature == entry.signature }
            ?? findings.first { entry.replay.shows(entry.signature, in: $0) }
        match?.signature = entry.signature
        let detail: String
        if let match {
            detail = "still fails: \(match.message)"
        } else if let unjudged {
            detail = "not judged: \(unjudged)"
        } else if findings.isEmpty {
            detail = "passes now"
        } else {
            detail = "passes now (other findings: \(Set(findings.map(\.check.rawValue)).sorted().joined(separator: ", ")))"
        }
        if entry.specFingerprint != spec.fingerprint {
            context.progress.note("note: \(file) was recorded with spec \(entry.specFingerprint), this run uses \(spec.fingerprint)")
        }
        var outcome = CorpusReplayOutcome(file: file, check: entry.check, stillFails: match != nil, regenerationAgrees: agrees,
                                          detail: detail)
        outcome.unjudged = match == nil ? unjudged : nil
        return (outcome, match)
    }

    /// Why a replay that found nothing proves nothing (nothing was sent, the gateway halted or the
    /// deadline cut it, the check needs what this run does not have), or nil when it was judged.
    private func unjudgedReason(_ plan: ReplayPlan, requestsBefore: Int) -> String? {
        let executor = context.executor
        if let reason = executor.stopReason { return reason }
        if let reason = executor.deadlineStop { return reason }
        if case .tenancy = plan, context.configuration.secondKey == nil {
            return "a tenancy finding needs --second-key-env to be re-checked"
        }
        if executor.requests == requestsBefore { return "no request could be sent" }
        return nil
    }
}
