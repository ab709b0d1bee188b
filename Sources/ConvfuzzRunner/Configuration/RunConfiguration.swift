import ConvfuzzResults
import ConvfuzzSpec
import ConvfuzzTransport

/// Everything a run needs: what to test, where, and within which budgets (``RunSettings``, whose
/// properties are read and written as the configuration's own).
@dynamicMemberLookup
public struct RunConfiguration: Sendable {
    /// The endpoint spec.
    public var spec: Spec
    /// Hidden values of the target.
    public var profile: TargetProfile
    /// The second key's target profile (`--second-profile`): hidden ids of its workspace, for tenancy checks.
    public var secondProfile: TargetProfile = .empty
    /// The target's base URL (scheme, host, port, optional path prefix), without the endpoint path.
    public var target: String
    /// The API key, sent in the spec's auth header; never printed.
    public var apiKey: String?
    /// The environment variable the key came from, for reproduction commands (default: the spec's).
    public var apiKeyEnv: String
    /// A key of another workspace, for the tenancy checks (`--second-key-env`); never printed.
    public var secondKey: String?
    /// The environment variable the second key came from, for reproduction commands.
    public var secondKeyEnv: String?
    /// The run seed.
    public var seed: UInt64
    /// The budgets and limits (cases, walks, relations, retries, concurrency …); each is also readable
    /// and writable as a property of the configuration (`configuration.maxCases`).
    public var settings = RunSettings()
    /// Seconds of ``timeBudget`` kept for confirmation and shrinking; nil keeps ``confirmShare`` of it.
    public var confirmBudget: Double?
    /// When the budget starts, on the monotonic clock (``RunDeadline/now``); nil starts it when the runner is created.
    public var startInstant: Double?
    /// The share of ``timeBudget`` kept for confirmation and shrinking when ``confirmBudget`` is nil.
    public var confirmShare: Double = 0.2
    /// The most seconds the preflight may take (its retries included), within the budget.
    public var preflightSeconds: Double = 15
    /// Where failures are kept; nil keeps none.
    public var corpusDirectory: String?
    /// Replay the corpus first.
    public var replayCorpus: Bool
    /// Transport settings.
    public var transport: TransportConfiguration
    /// Note every walk, probe and relation as it is planned.
    public var verbose: Bool = false
    /// Set by a signal handler to stop the run early (see `StopRequest`).
    public var stop: StopRequest?
    /// The part of the run this process does (`--shard I/N`); the whole run by default.
    public var shard: Shard = .whole
    /// What the target is, for telling runs apart: the URL by default; the embedded server's settings
    /// for an embedded run, whose port differs from process to process.
    public var targetIdentity: String?
    /// The target as corpus entries record it (``CorpusOrigin``); nil records the base URL.
    public var origin: CorpusOrigin?
    /// For a run against the embedded server: the command that starts it again on a fixed port, which
    /// the reports' reproduction lines then use (``ReproductionServer``).
    public var reproductionServer: ReproductionServer?
    /// Where every answer is traced as it arrives (`convfuzz replay --trace`); nil traces nothing.
    public var trace: RequestTrace?
    /// Values the user or the spec marks as secret besides the keys (e.g. a secret query value):
    /// redacted from every output like the keys.
    public var extraSecrets: [String] = []
    /// The share of requests that may need a retry before the run fails its transport health gate
    /// (exit 3); see ``TransportHealth``.
    public var maxRetryShare: Double = TransportHealth.defaultMaxRetryShare

    /// Creates a configuration with the defaults a user gets from `convfuzz run` (``RunSettings/defaults``).
    public init(spec: Spec, profile: TargetProfile = .empty, target: String, apiKey: String? = nil,
                apiKeyEnv: String? = nil, seed: UInt64 = 1, corpusDirectory: String? = nil, replayCorpus: Bool = true,
                transport: TransportConfiguration = TransportConfiguration()) {
        self.spec = spec
        self.profile = profile
        self.target = target
        self.apiKey = apiKey
        self.apiKeyEnv = apiKeyEnv ?? spec.auth.env
        self.seed = seed
        self.corpusDirectory = corpusDirectory
        self.replayCorpus = replayCorpus
        self.transport = transport
    }

    /// A budget or limit of ``settings``, as a property of the configuration.
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<RunSettings, Value>) -> Value {
        get { settings[keyPath: keyPath] }
        set { settings[keyPath: keyPath] = newValue }
    }

    /// This configuration sending `value` under the header `name` instead of the run's key
    /// (nil value: no auth header at all). Used for auth probes and the second key.
    public func sending(header name: String, value: String?) -> RunConfiguration {
        var copy = self
        copy.spec.auth.header = name
        copy.apiKey = value
        return copy
    }

    /// Every secret of the run: the keys, every variant derived from the first key, the target URL's
    /// credentials and the values marked secret (``extraSecrets``).
    public var secrets: [String?] {
        var out: [String?] = [apiKey, secondKey]
        out += TargetURL.credentials(in: target).map(Optional.some)
        out += extraSecrets.map(Optional.some)
        if let apiKey {
            for variant in KeyVariant.plan(key: apiKey, header: spec.auth.header, seed: seed) where variant.expectsRefusal {
                if let value = variant.credential(key: apiKey, header: spec.auth.header)?.value, value.count >= 2 {
                    out.append(value)
                }
            }
        }
        return out
    }

    /// The origin corpus entries of this run record.
    public var corpusOrigin: CorpusOrigin {
        origin ?? CorpusOrigin(remote: target, specFingerprint: spec.fingerprint, apiKeyEnv: apiKey == nil ? nil : apiKeyEnv)
    }

    /// The endpoint URL without a query.
    public var endpointURL: String {
        var base = target
        while base.hasSuffix("/") { base.removeLast() }
        return base + spec.endpoint.path
    }
}
