import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec

/// The answer to one auth probe and what the oracle made of it.
public struct AuthProbeOutcome: Sendable {
    /// The variant sent.
    public var variant: KeyVariant
    /// The status received (nil: no response).
    public var status: Int?
    /// Findings, with every excerpt already redacted.
    public var findings: [Finding]
}

/// The result of the auth phase.
public struct AuthProbesResult: Sendable {
    /// One outcome per variant sent, in plan order.
    public var outcomes: [AuthProbeOutcome]
    /// Requests sent (retries included).
    public var requests: Int
    /// Why the phase did not run, if it did not (no key).
    public var skipped: String?
}

/// Sends the plainest query with a missing, empty, wrong and random key, and with the valid key
/// under other spellings of the header name, and judges each answer (`AuthOracle`).
///
/// Inputs are explicit: the run configuration (spec, key, seed, target, transport) and the query.
/// Every variant is derived from the key and the seed (`KeyVariant.plan`), so a run sends the same
/// variants every time. No variant's bytes leave this type: excerpts are redacted with every variant.
public struct AuthProbes: Sendable {
    private let configuration: RunConfiguration
    private let oracle: AuthOracle
    private let redactor: Redactor
    private let executor: RequestExecutor

    /// Creates the phase for a run; its requests go through the run's gateway.
    public init(configuration: RunConfiguration, executor: RequestExecutor) {
        self.configuration = configuration
        self.executor = executor
        oracle = AuthOracle(spec: configuration.spec)
        redactor = Redactor(secrets: configuration.secrets)
    }

    /// The variants this run sends (empty without a key).
    public var variants: [KeyVariant] {
        guard let key = configuration.apiKey else { return [] }
        return KeyVariant.plan(key: key, header: configuration.spec.auth.header, seed: configuration.seed)
    }

    /// Sends every variant with `query` and checks the answers.
    public func run(query: String = "") -> AuthProbesResult {
        guard configuration.apiKey != nil else {
            return AuthProbesResult(outcomes: [], requests: 0, skipped: "no key: the auth checks need the run's key")
        }
        var requests = 0
        let outcomes = variants.map { variant -> AuthProbeOutcome in
            let (outcome, sent) = probe(variant, query: query)
            requests += sent
            return outcome
        }
        return AuthProbesResult(outcomes: outcomes, requests: requests, skipped: nil)
    }

    /// Sends one variant and checks the answer; also returns the requests it took.
    public func probe(_ variant: KeyVariant, query: String = "") -> (AuthProbeOutcome, Int) {
        let header = configuration.spec.auth.header
        guard let key = configuration.apiKey, variant.credential(key: key, header: header) != nil else {
            return (AuthProbeOutcome(variant: variant, status: nil, findings: []), 0)
        }
        let before = executor.requests
        let response = executor.execute(query, credential: .variant(variant))
        let expectation = AuthExpectation(outcome: variant.expectsRefusal ? .refused : .accepted, kind: variant.kind,
                                          description: variant.description(header: header))
        let findings = oracle.check(response, expectation: expectation).map(redacted)
        return (AuthProbeOutcome(variant: variant, status: response.status, findings: findings), executor.requests - before)
    }

    /// A finding with every text field passed through the redactor.
    private func redacted(_ finding: Finding) -> Finding {
        var copy = finding
        copy.message = redactor.redact(finding.message)
        copy.expected = redactor.redact(finding.expected)
        copy.observed = redactor.redact(finding.observed)
        copy.evidence = finding.evidence.map {
            Evidence(query: redactor.redact($0.query), status: $0.status, excerpt: redactor.redact($0.excerpt))
        }
        return copy
    }
}
