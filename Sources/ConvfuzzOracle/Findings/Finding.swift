/// One violation of the contract, ready for a report.
///
/// ``signature`` is the deduplication key: two findings with the same
/// signature are the same bug seen twice. It is built by ``FindingSignature``
/// as `CHECK|parameter|detail`, where `parameter` is `-` when none applies and
/// `detail` is normalised (operator, status, JSON path with indices removed),
/// never a concrete id or value that varies between occurrences, e.g.
/// `CF-FILTER|<param>|gte` or `CF-SCHEMA|-|<items>[].<field>:type`.
public struct Finding: Sendable, Codable, Hashable {
    /// The check that failed.
    public var check: CheckID
    /// The parameter concerned, if any.
    public var parameter: String?
    /// One line: what went wrong.
    public var message: String
    /// What the contract requires.
    public var expected: String
    /// What was observed.
    public var observed: String
    /// The requests and responses that show it.
    public var evidence: [Evidence]
    /// The deduplication key (see the type's documentation).
    public var signature: String

    /// Creates a finding; the signature is `check|parameter|detail`.
    public init(check: CheckID, parameter: String? = nil, detail: String, message: String,
                expected: String, observed: String, evidence: [Evidence]) {
        self.check = check
        self.parameter = parameter
        self.message = message
        self.expected = expected
        self.observed = observed
        self.evidence = evidence
        self.signature = FindingSignature.make(check: check, parameter: parameter, detail: detail)
    }
}

// MARK: - Copying

extension Finding {
    /// The finding with another finding's evidence and text, keeping a given signature
    /// (a shrunk case's finding reported under the original's signature).
    public init(copying other: Finding, signature: String) {
        self = other
        self.signature = signature
    }
}
