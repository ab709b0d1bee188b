import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

extension Runner {
    /// Replays every corpus entry first, as regression tests; entries that still fail become findings.
    func replayCorpus(directory: String) throws(RunAbort) {
        let store = CorpusStore(directory: directory)
        let files = store.files()
        guard !files.isEmpty else { return }
        work.plan(.corpus, total: files.count)
        let owned = configuration.shard.owned(of: files.count)
        for (position, unit) in owned.enumerated() {
            let file = files[unit]
            report("corpus", done: position, total: owned.count)
            work.did(.corpus, unit)
            let entry: CorpusEntry
            do {
                entry = try CorpusStore.load(path: file)
            } catch let error as RunAbort {
                throw error
            } catch {
                throw RunAbort.invalidInput("\(file): not a convfuzz corpus entry")
            }
            let outcome = replay(entry, file: file)
            corpusOutcomes.append(outcome.outcome)
            statistics.corpusReplayed += 1
            if outcome.outcome.stillFails, let finding = outcome.finding {
                ledger.record([finding], origin: .corpus(file: file), replay: entry.replay, confirm: .none)
                announce([finding])
            }
        }
    }

    /// Re-sends one stored failure and re-checks it; also regenerates it from its seed and choices.
    public func replay(_ entry: CorpusEntry, file: String) -> (outcome: CorpusReplayOutcome, finding: Finding?) {
        let findings: [Finding]
        var agrees: Bool?
        switch entry.replay {
        case .generatedCase(let query, let index, let choices, _):
            let pairs = QueryCodec.pairs(fromQuery: query)
            let classification = classifier.classify(pairs, issuedCursors: issued)
            findings = responseOracle.check(classification: classification, response: executor.execute(query))
            let regenerated = CaseGenerator(spec: spec, pools: pools).replay(seed: entry.seed, index: index, choices: choices)
            agrees = regenerated.queryString == query
        case .walk(let query, let pageSize, let companion):
            findings = rerunWalk(query: query, pageSize: pageSize, companion: companion)
        case .relation(let kind, let queries, _):
            findings = rerunRelation(kind: kind, queries: queries)
        case .metamorphic(let plan):
            findings = rerunMetamorphic(plan)
        case .auth(let query, let variant, _):
            findings = rerunAuth(variant, query: query)
        case .tenancy:
            findings = rerunTenancy()
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
            progress.note("note: \(file) was recorded with spec \(entry.specFingerprint), this run uses \(spec.fingerprint)")
        }
        return (CorpusReplayOutcome(file: file, check: entry.check, stillFails: match != nil, regenerationAgrees: agrees,
                                    detail: detail), match)
    }

    /// Replays corpus files without a full run: preflight, then each entry. Used by `convfuzz replay`.
    /// Every file is read before the first request, so a broken one exits 2 without traffic.
    public func replayFiles(_ files: [String]) throws(RunAbort) -> [CorpusReplayOutcome] {
        var entries: [CorpusEntry] = []
        for file in files {
            do {
                entries.append(try CorpusStore.load(path: file))
            } catch let error as RunAbort {
                throw error
            } catch {
                throw RunAbort.invalidInput("\(file): not a convfuzz corpus entry")
            }
        }
        try preflight()
        discover()
        return zip(files, entries).map { replay($1, file: $0).outcome }
    }
}
