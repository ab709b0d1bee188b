import ConvfuzzOracle

/// Phase 8, step 4: a new failure is written to the corpus, free of secrets (through the gateway's redactor).
public struct CorpusRecording: Sendable {
    /// The run's services.
    public let context: PhaseContext
    /// The corpus folder.
    public let directory: String
    /// When the run started (ISO 8601); its day is the entry's first-seen date.
    public let startedAt: String

    /// Creates the step.
    public init(context: PhaseContext, directory: String, startedAt: String) {
        self.context = context
        self.directory = directory
        self.startedAt = startedAt
    }

    /// The corpus entry for a finding (redacted).
    public func entry(for finding: Finding, replay: ReplayPlan) -> CorpusEntry {
        let redactor = context.executor.redactor
        let spec = context.spec
        return CorpusEntry(
            check: finding.check.rawValue, signature: finding.signature, parameter: finding.parameter,
            firstSeen: String(startedAt.prefix(10)), specName: spec.name, specFingerprint: spec.fingerprint,
            seed: context.configuration.seed, replay: replay, message: redactor.redact(finding.message),
            expected: redactor.redact(finding.expected), observed: redactor.redact(finding.observed),
            evidence: finding.evidence.map { Evidence(query: redactor.redact($0.query), status: $0.status,
                                                      excerpt: redactor.redact($0.excerpt)) })
    }

    /// Writes the entry; returns its path, or nil (with a warning) when it cannot be written.
    public func store(_ finding: Finding, replay: ReplayPlan) -> String? {
        do {
            return try CorpusStore(directory: directory).save(entry(for: finding, replay: replay))
        } catch {
            context.progress.note("warning: could not write the corpus entry: \(error)")
            return nil
        }
    }
}
