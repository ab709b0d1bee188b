/// What the spec says about the harness's own judgement of a target, besides the contract: the
/// transport health gate's limit and which parameters carry secrets.
public struct HarnessSpec: Sendable, Equatable {
    /// The share of requests that may need a retry before a run fails its transport health gate
    /// (`health.max_retry_share`); nil keeps the harness's default.
    public var maxRetryShare: Double?
    /// Parameters whose values are secret (`secrets.parameters`): every value sent for them is
    /// redacted from every output, like the key.
    public var secretParameters: [String]

    /// Creates the settings.
    public init(maxRetryShare: Double? = nil, secretParameters: [String] = []) {
        self.maxRetryShare = maxRetryShare
        self.secretParameters = secretParameters
    }
}
