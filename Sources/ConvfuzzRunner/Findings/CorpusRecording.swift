import ConvfuzzOracle
import ConvfuzzResults

/// Corpus storage: a new (or, after a signal, unconfirmed) finding is written to the corpus with its
/// reproduction, every text redacted of the run's secrets. A failed write is a warning, never a crash.
public struct CorpusRecording: Sendable {
    /// The run's services.
    public let context: PhaseContext
    /// The corpus folder.
    public let directory: String
    /// The run's start date (ISO 8601), whose day becomes `first_seen`.
    public let startedAt: String

    /// Creates the step.
    public init(context: PhaseContext, directory: String, startedAt: String) {
        self.context = context
        self.directory = directory
        self.startedAt = startedAt
    }

    /// Writes one finding with the run's target as its origin (marked `unconfirmed` when it was not
    /// re-run); returns the file, or nil after a warning.
    public func store(_ finding: Finding, replay: ReplayPlan, unconfirmed: Bool = false) -> String? {
        let configuration = context.configuration
        let spec = context.spec
        let redactor = Redactor(secrets: configuration.secrets)
        let entry = CorpusEntry(
            check: finding.check.rawValue, signature: finding.signature, parameter: finding.parameter,
            firstSeen: String(startedAt.prefix(10)), specName: spec.name, specFingerprint: spec.fingerprint,
            seed: configuration.seed, replay: replay, message: redactor.redact(finding.message),
            expected: redactor.redact(finding.expected), observed: redactor.redact(finding.observed),
            evidence: finding.evidence.map { Evidence(query: redactor.redact($0.query), status: $0.status,
                                                      excerpt: redactor.redact($0.excerpt)) },
            origin: configuration.corpusOrigin, status: unconfirmed ? CorpusEntry.unconfirmedStatus : nil)
        do {
            return try CorpusStore(directory: directory).save(entry, redactor: redactor)
        } catch {
            context.progress.note("warning: could not write the corpus entry: \(error)")
            return nil
        }
    }
}
