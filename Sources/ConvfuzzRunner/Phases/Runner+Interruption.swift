import ConvfuzzOracle
import Foundation

extension Runner {
    /// The result so far of a run that was interrupted and has not wound down within its grace period.
    ///
    /// Safe to call from another thread while `run()` is still going: it reads only locked state (the
    /// finding ledger, the executor's counters, the last published statistics). Every finding is reported
    /// `unconfirmed` (corpus regressions stay `new`) and stored in the corpus.
    public func resultSoFar(signal: String) -> RunResult {
        var statistics = published.current
        statistics.interruptedBy = signal
        statistics.stoppedEarly = "interrupted by \(signal)"
        statistics.requests = executor.requests
        statistics.retries = executor.retried
        statistics.seconds = Clock.monotonic() - startTime
        var reported: [ReportedFinding] = []
        for entry in ledger.ordered {
            var corpusFile: String?
            var status = FindingStatus.unconfirmed
            if entry.isCorpusRegression, case .corpus(let file) = entry.origin {
                corpusFile = file
                status = .new
            } else if baseline.signatures.contains(entry.finding.signature) {
                status = .baseline
            } else {
                corpusFile = store(entry.finding, replay: entry.replay)
            }
            reported.append(ReportedFinding(finding: entry.finding, status: status, occurrences: entry.occurrences,
                                            origin: entry.origin, reproduction: entry.replay.queries, shrink: nil,
                                            corpusFile: corpusFile))
        }
        return result(statistics: statistics, findings: reported)
    }

    /// Writes a finding to the corpus (when the run keeps one); returns the file, or nil with a warning.
    func store(_ finding: Finding, replay: ReplayPlan) -> String? {
        guard let directory = configuration.corpusDirectory else { return nil }
        let redactor = Redactor(secrets: [configuration.apiKey])
        let corpusEntry = CorpusEntry(
            check: finding.check.rawValue, signature: finding.signature, parameter: finding.parameter,
            firstSeen: String(startedAt.prefix(10)), specName: spec.name, specFingerprint: spec.fingerprint,
            seed: configuration.seed, replay: replay, message: redactor.redact(finding.message),
            expected: redactor.redact(finding.expected), observed: redactor.redact(finding.observed),
            evidence: finding.evidence.map { Evidence(query: redactor.redact($0.query), status: $0.status,
                                                      excerpt: redactor.redact($0.excerpt)) })
        do {
            return try CorpusStore(directory: directory).save(corpusEntry)
        } catch {
            progress.note("warning: could not write the corpus entry: \(error)")
            return nil
        }
    }
}
