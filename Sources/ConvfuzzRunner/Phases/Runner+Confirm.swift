import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

extension Runner {
    /// Re-runs every finding once (what does not reproduce is flaky), shrinks generated cases,
    /// applies the baseline and writes new failures to the corpus.
    func confirmAndStore() -> [ReportedFinding] {
        let generator = CaseGenerator(spec: spec, pools: pools)
        let entries = ledger.ordered
        // Walk and relation findings are re-run against a fresh base walk, so that data which changed
        // since discovery (a live target) cannot make a completeness check fail twice.
        if configuration.stop?.signal == nil,
           entries.contains(where: { if case .rerun = $0.confirm { return true } else { return false } }) {
            refreshBase()
        }
        var reported: [ReportedFinding] = []
        for (position, entry) in entries.enumerated() {
            report("confirming", done: position, total: entries.count)
            var finding = entry.finding
            var replay = entry.replay
            var shrinkSummary: ShrinkSummary?
            var reproduced: Bool
            // After a signal nothing is re-run: what is left is stored as found, marked unconfirmed.
            let interrupted = configuration.stop?.signal != nil && outOfBudget()
            switch interrupted ? FindingLedger.Confirmation.none : entry.confirm {
            case _ where !canConfirm && !interrupted:
                reproduced = true
                statistics.unconfirmed = (statistics.unconfirmed ?? 0) + 1
            case .generatedCase(let generated):
                let again = check(generated)
                reproduced = again.contains { $0.signature == finding.signature } || !canConfirm
                if reproduced, configuration.shrinkBudget > 0, !outOfBudget() {
                    let outcome = shrink(generated, signature: finding.signature, generator: generator)
                    if let shrunk = outcome.shrunk, let shrunkFinding = outcome.finding {
                        finding = Finding(copying: shrunkFinding, signature: finding.signature)
                        replay = .generatedCase(query: shrunk.queryString, index: shrunk.index, choices: shrunk.choices,
                                                label: shrunk.label)
                    }
                    shrinkSummary = outcome.summary
                }
            case .rerun(let rerun):
                reproduced = rerun().contains { $0.signature == finding.signature }
                if !reproduced && !canConfirm {
                    reproduced = true
                    statistics.unconfirmed = (statistics.unconfirmed ?? 0) + 1
                }
            case .none:
                reproduced = true
            }
            var status: FindingStatus = reproduced ? .new : .flaky
            if interrupted, !entry.isCorpusRegression {
                status = .unconfirmed
                statistics.unconfirmed = (statistics.unconfirmed ?? 0) + 1
            }
            if baseline.signatures.contains(finding.signature) { status = .baseline }
            var corpusFile: String?
            if status == .new || status == .unconfirmed, !entry.isCorpusRegression {
                corpusFile = store(finding, replay: replay)
            } else if entry.isCorpusRegression, case .corpus(let file) = entry.origin {
                corpusFile = file
            }
            var reportedFinding = ReportedFinding(finding: finding, status: status, occurrences: entry.occurrences,
                                                  origin: entry.origin, reproduction: replay.queries, shrink: shrinkSummary,
                                                  corpusFile: corpusFile)
            reportedFinding.credential = replay.credential
            reported.append(reportedFinding)
        }
        return reported
    }

    /// Sends one case and checks the response.
    func check(_ generated: GeneratedCase) -> [Finding] {
        responseOracle.check(classification: generated.classification, response: executor.execute(generated.queryString))
    }

    /// Shrinks a failing case over the network while it keeps failing with the same signature.
    func shrink(_ generated: GeneratedCase, signature: String, generator: CaseGenerator)
        -> (shrunk: GeneratedCase?, finding: Finding?, summary: ShrinkSummary) {
        var lastFinding: Finding?
        let shrinker = Shrinker(generator: generator)
        let result = shrinker.shrink(generated, budget: configuration.shrinkBudget) { candidate in
            let findings = self.check(candidate)
            guard let match = findings.first(where: { $0.signature == signature }) else { return false }
            lastFinding = match
            return true
        }
        let summary = ShrinkSummary(pairsBefore: generated.pairs.count, pairsAfter: result.minimal.pairs.count,
                                    attempts: result.attempts, verified: result.verified)
        guard result.verified else { return (nil, nil, summary) }
        return (result.minimal, lastFinding, summary)
    }
}
