import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation

/// The one execution gateway: every request of a run goes through here.
///
/// Rate limit, retries, redaction and statistics live in one place (the model of
/// Hypothesis's `cached_test_function`): phases hand it encoded queries and get the
/// oracle's ``ObservedResponse`` values back, in request order whatever the concurrency,
/// so what the oracles see, and therefore the findings, do not depend on timing. Retries
/// happen on connection errors, timeouts, 429 and 503, honouring `Retry-After`
/// (capped); what persists is returned as observed and judged by the oracles.
/// The transport is injectable (``RequestTransport``) so phases can be tested without sockets.
public final class RequestExecutor: @unchecked Sendable {
    // `client` is Sendable (the curl client is internally locked); counters are guarded by `lock`.
    private let client: any RequestTransport
    private let endpoint: String
    private let headers: [HTTPHeader]
    private let limiter: RateLimiter?
    private let retries: Int
    private let maxRetryAfter: Double
    private let lock = NSLock()
    private var jitter: SplitMix64
    private var requestCount = 0
    private var retryCount = 0
    private var walkCount = 0
    private var pageCount = 0
    /// Removes the run's key (and its encoded forms) from anything printed or stored.
    public let redactor: Redactor

    /// Creates an executor for a run configuration; `transport` replaces libcurl (tests).
    public init(configuration: RunConfiguration, transport: (any RequestTransport)? = nil) {
        client = transport ?? HTTPBatchClient(configuration: configuration.transport)
        redactor = Redactor(secrets: [configuration.apiKey])
        endpoint = configuration.endpointURL
        var headers = [HTTPHeader(name: "accept", value: "application/json")]
        if let key = configuration.apiKey {
            headers.append(HTTPHeader(name: configuration.spec.auth.header, value: key, isSecret: true))
        }
        self.headers = headers
        limiter = RateLimiter(perSecond: configuration.rateLimit)
        retries = max(0, configuration.retries)
        maxRetryAfter = configuration.maxRetryAfter
        jitter = SplitMix64(seed: configuration.seed ^ 0x5EED_0F_7177E5)
    }

    /// Requests sent so far, retries included.
    public var requests: Int { lock.withLock { requestCount } }

    /// Retries so far.
    public var retried: Int { lock.withLock { retryCount } }

    /// Cursor walks run so far, and the pages they fetched.
    public var walked: (walks: Int, pages: Int) { lock.withLock { (walkCount, pageCount) } }

    /// Counts walks run through this gateway (the walk driver reports them).
    func noteWalks(_ walks: Int, pages: Int) {
        lock.withLock {
            walkCount += walks
            pageCount += pages
        }
    }

    /// The full URL for an encoded query.
    public func url(for query: String) -> String {
        query.isEmpty ? endpoint : endpoint + "?" + query
    }

    /// Sends one query.
    public func execute(_ query: String) -> ObservedResponse {
        execute([query])[0]
    }

    /// Sends queries, at most the configured concurrency at once, and returns responses in order.
    public func execute(_ queries: [String]) -> [ObservedResponse] {
        var results = [ObservedResponse?](repeating: nil, count: queries.count)
        var pending = Array(queries.indices)
        var attempt = 0
        while !pending.isEmpty {
            limiter?.acquire(pending.count)
            let requests = pending.map { HTTPRequest(url: url(for: queries[$0]), headers: headers) }
            let answers = client.send(requests)
            lock.withLock { requestCount += requests.count }
            var retry: [Int] = []
            var wait = 0.0
            for (position, index) in pending.enumerated() {
                let answer = answers[position]
                let observed = ObservedResponse(query: queries[index], result: answer)
                results[index] = observed
                if attempt < retries, let delay = retryDelay(answer, attempt: attempt) {
                    retry.append(index)
                    wait = max(wait, delay)
                }
            }
            if retry.isEmpty { break }
            lock.withLock { retryCount += retry.count }
            Thread.sleep(forTimeInterval: wait)
            pending = retry
            attempt += 1
        }
        return results.map { $0! }
    }

    /// How long to wait before retrying, or nil when the answer is final.
    private func retryDelay(_ answer: Result<HTTPResponse, TransportError>, attempt: Int) -> Double? {
        let backoff = min(8.0, 0.2 * Double(1 << min(attempt, 6)))
        let jittered = backoff * (0.75 + 0.5 * nextJitter())
        switch answer {
        case .failure(let error):
            switch error {
            case .couldNotConnect, .timedOut: return jittered
            default: return nil
            }
        case .success(let response):
            guard response.status == 429 || response.status == 503 else { return nil }
            if let header = RetryAfter.seconds(response.header(named: "retry-after")) {
                return min(header, maxRetryAfter)
            }
            return jittered
        }
    }

    private func nextJitter() -> Double {
        lock.withLock { Double(jitter.next() >> 11) / Double(1 << 53) }
    }
}
