import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

extension Runner {
    /// Re-runs every finding once (what does not reproduce is flaky), shrinks generated cases,
    /// applies the baseline and writes new failures to the corpus.
    func confirmAndStore() -> [ReportedFinding] {
        let redactor = Redactor(secrets: configuration.secrets)
        let generator = CaseGenerator(spec: spec, pools: pools)
        let entries = ledger.ordered
        // Walk and relation findings are re-run against a fresh base walk, so that data which changed
        // since discovery (a live target) cannot make a completeness check fail twice.
        if entries.contains(where: { if case .rerun = $0.confirm { return true } else { return false } }) {
            refreshBase()
        }
        var reported: [ReportedFinding] = []
        for (position, entry) in entries.enumerated() {
            report("confirming", done: position, total: entries.count)
            var finding = entry.finding
            var replay = entry.replay
            var shrinkSummary: ShrinkSummary?
            var reproduced: Bool
            switch entry.confirm {
            case _ where !canConfirm:
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
            if baseline.signatures.contains(finding.signature) { status = .baseline }
            var corpusFile: String?
            if status == .new, let directory = configuration.corpusDirectory, !entry.isCorpusRegression {
                let corpusEntry = CorpusEntry(
                    check: finding.check.rawValue, signature: finding.signature, parameter: finding.parameter,
                    firstSeen: String(startedAt.prefix(10)), specName: spec.name, specFingerprint: spec.fingerprint,
                    seed: configuration.seed, replay: replay, message: redactor.redact(finding.message),
                    expected: redactor.redact(finding.expected), observed: redactor.redact(finding.observed),
                    evidence: finding.evidence.map { Evidence(query: redactor.redact($0.query), status: $0.status,
                                                              excerpt: redactor.redact($0.excerpt)) })
                do {
                    corpusFile = try CorpusStore(directory: directory).save(corpusEntry)
                } catch {
                    progress.note("warning: could not write the corpus entry: \(error)")
                }
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
