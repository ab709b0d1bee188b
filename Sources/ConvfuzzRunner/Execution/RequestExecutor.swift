import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation

/// The run's one execution gateway: every request of every phase (the auth and tenancy probes
/// included) is sent here, with bounded concurrency, pacing, retries, the deadline, the traffic
/// record and the retry accounting in one place.
///
/// Results come back in request order whatever the concurrency, so what the
/// oracles see, and therefore the findings, do not depend on timing. Retries
/// happen on connection errors, timeouts, stalls, resets, 429 and 503, honouring `Retry-After`
/// up to `maxRetryAfter`; what persists is returned as observed and judged by the oracles.
///
/// Every request's timeout is cut to what the ``RunDeadline`` leaves, and no wait passes it: a
/// wait that would is not taken, and the executor halts with the reason (the runner stops its
/// phases). A `Retry-After` over `maxRetryAfter`, or the key refused after good answers, halts it
/// too. Once halted (or past the deadline) queries are answered with ``ObservedResponse/skipped(query:reason:)``
/// observations, which no oracle judges.
public final class RequestExecutor: @unchecked Sendable {
    // `client` is internally locked; counters, accounting and the halt state are guarded by `lock`.
    private let client: any RequestTransport
    private let endpoint: String
    private let headers: [HTTPHeader]
    private let keyHeader: String
    /// The run's key and the second key, from which a request's credential is resolved.
    private let keys: (first: String?, second: String?)
    private let limiter: RateLimiter?
    private let retries: Int
    private let maxRetryAfter: Double
    private let unauthorizedStatuses: Set<Int>
    private let sendsKey: Bool
    /// The deadline of the current phase.
    public let deadline: RunDeadline
    private let lock = NSLock()
    private var jitter: SplitMix64
    private var requestCount = 0
    private var retryCount = 0
    private var answeredCount = 0
    private var accounting = RetryStatistics()
    private var haltReason: String?
    private var refusal: KeyRefusal?
    private var deadlineReason: String?

    /// Records every request's phase, start and latency for the report.
    public let traffic: TrafficRecorder
    /// The run's bound on requests: every request, retries included, is granted there before it is sent.
    public let budget: RequestBudget
    /// The configured total timeout of one request: a shorter one was cut to the deadline.
    let requestTimeoutLimit: Double
    /// Where answers are traced (`replay --trace`), if anywhere.
    private let trace: RequestTrace?

    /// Creates the gateway for a run configuration; `transport` replaces libcurl (tests script one).
    public init(configuration: RunConfiguration, deadline: RunDeadline = RunDeadline(), transport: (any RequestTransport)? = nil) {
        client = transport ?? HTTPBatchClient(configuration: configuration.transport)
        keyHeader = configuration.spec.auth.header
        keys = (configuration.apiKey, configuration.secondKey)
        endpoint = configuration.endpointURL
        var headers = [HTTPHeader(name: "accept", value: "application/json")]
        if let key = configuration.apiKey {
            headers.append(HTTPHeader(name: configuration.spec.auth.header, value: key, isSecret: true))
        }
        self.headers = headers
        limiter = RateLimiter(perSecond: configuration.rateLimit)
        retries = max(0, configuration.retries)
        maxRetryAfter = configuration.maxRetryAfter
        unauthorizedStatuses = Set(configuration.spec.auth.unauthorizedStatuses)
        sendsKey = configuration.apiKey != nil
        self.deadline = deadline
        jitter = SeedStream.jitter.generator(configuration.seed)
        traffic = TrafficRecorder(concurrency: configuration.transport.maxConcurrency)
        budget = RequestBudget(configuration: configuration)
        requestTimeoutLimit = configuration.transport.totalTimeout
        trace = configuration.trace
    }

    // MARK: Counters

    /// Requests sent so far, retries included.
    public var requests: Int { lock.withLock { requestCount } }

    /// Retries so far.
    public var retried: Int { lock.withLock { retryCount } }

    /// Responses with a status other than 429/503 so far (what the run could judge).
    public var answered: Int { lock.withLock { answeredCount } }

    /// Retries by reason, the slowest requests and the transport conditions met.
    public var retryStatistics: RetryStatistics { lock.withLock { accounting } }

    /// Why the executor stopped sending for good (a refused wait, the key refused), if it did.
    public var stopReason: String? { lock.withLock { haltReason } }

    /// When the key was refused after good answers, if it was.
    public var keyRefusal: KeyRefusal? { lock.withLock { refusal } }

    /// Why the last request was not sent or not retried because of the deadline, if that happened.
    public var deadlineStop: String? { lock.withLock { deadlineReason } }

    /// Forgets the deadline stop (a new phase with a new deadline begins).
    public func clearDeadlineStop() {
        lock.withLock { deadlineReason = nil }
    }

    /// The full URL for an encoded query.
    public func url(for query: String) -> String {
        EndpointURL.joining(endpoint, query: query)
    }

    // MARK: Sending

    /// Sends one query.
    public func execute(_ query: String, credential: RequestCredential = .firstKey) -> ObservedResponse {
        execute([query], credential: credential)[0]
    }

    /// Sends queries, at most the configured concurrency at once, and returns responses in order.
    ///
    /// The queries flow through the transport as a sliding window (``RequestStream``): each is
    /// retried on its own, so a slow or stalled answer holds only its own slot.
    public func execute(_ queries: [String], credential: RequestCredential = .firstKey) -> [ObservedResponse] {
        if let reason = stopReason { return queries.map { ObservedResponse.skipped(query: $0, reason: reason) } }
        let stream = RequestStream(executor: self, credential: credential, headers: headers(for: credential))
        let ticket = stream.submit(queries)
        stream.drain(on: client)
        return stream.collect(ticket)
    }

    /// A stream on a pump thread: the caller submits queries ahead and collects their results in
    /// order, while the transport keeps `--concurrency` requests in flight. Close it when done.
    func openStream(credential: RequestCredential = .firstKey) -> RequestStream {
        let stream = RequestStream(executor: self, credential: credential, headers: headers(for: credential))
        stream.start(on: client)
        return stream
    }

    // MARK: One answer

    /// What one answer comes to: its observation, the transport trouble it shows, and the wait
    /// before a retry when it is to be retried.
    struct Conclusion {
        var observed: ObservedResponse
        var trouble: RetryReason?
        var retryDelay: Double?
        var retryReason: RetryReason?
    }

    /// Records and judges one answer sent at `sentAt` with `timeout` (attempt 0 is the first try).
    func conclude(query: String, answer: Result<HTTPResponse, TransportError>, attempt: Int, sentAt: Double,
                  timeout: Double?, credential: RequestCredential) -> Conclusion {
        let cut = !deadlineCuts([answer], timeout: timeout).isEmpty
        traffic.record([answer], sentAt: sentAt, attempt: attempt)
        trace?.record(query: query, answer: answer, attempt: attempt, phase: traffic.currentPhase)
        lock.withLock { requestCount += 1 }
        if cut { return Conclusion(observed: .skipped(query: query, reason: "cut short by the time budget")) }
        record(query: query, answer: answer)
        var conclusion = Conclusion(observed: observe(query: query, answer: answer, judgesRefusal: credential == .firstKey))
        guard !conclusion.observed.wasSkipped else { return conclusion }
        conclusion.trouble = TransportHealth.unhealthyReason(answer, attempt: attempt)
        guard attempt < retries else { return conclusion }
        switch RetryDecision.decide(answer, backoff: backoff(attempt), maxRetryAfter: maxRetryAfter) {
        case .final:
            break
        case let .retry(delay, reason, askedByTarget):
            guard stopReason == nil else { break }
            if let left = deadline.remaining, delay >= left {
                let cause = askedByTarget ? "target asked to wait \(Self.seconds(delay)) s (Retry-After)"
                                          : "retrying (\(reason.rawValue)) needs a wait of \(Self.seconds(delay)) s"
                noteDeadline("\(cause); the budget has \(Self.seconds(left)) s left", condition: true)
                break
            }
            conclusion.retryDelay = delay
            conclusion.retryReason = reason
        case let .refusedWait(seconds, status):
            halt("target asked to wait \(Self.seconds(seconds)) s (HTTP \(status), Retry-After), over --max-retry-after \(Self.seconds(maxRetryAfter)) s",
                 condition: "HTTP \(status) with Retry-After: \(Self.seconds(seconds)) s, over --max-retry-after \(Self.seconds(maxRetryAfter)) s: not waited for, run stopped")
        }
        return conclusion
    }

    /// Counts a retry (by reason, and the request once).
    func noteRetry(_ reason: RetryReason, firstForRequest: Bool) {
        lock.withLock {
            retryCount += 1
            accounting.byReason[reason.rawValue, default: 0] += 1
            if firstForRequest { accounting.retriedRequests += 1 }
        }
    }

    /// Seconds until the rate limit lets the next request start (taking its turn when it is 0), or nil without a limit.
    func rateDelay() -> Double? {
        limiter?.take()
    }

    /// Wakes the transport's stream (new requests are queued).
    func wakeTransport() {
        client.wakeUp()
    }

    // MARK: Helpers

    /// Counts a request's transport trouble for the health gate: once per request, once per reason.
    func noteTrouble(_ reason: RetryReason, first: Bool, new: Bool) {
        guard new else { return }
        lock.withLock {
            if first { accounting.unhealthyRequests = (accounting.unhealthyRequests ?? 0) + 1 }
            accounting.unhealthyByReason = accounting.unhealthyByReason ?? [:]
            accounting.unhealthyByReason?[reason.rawValue, default: 0] += 1
        }
    }

    /// The observation of one answer; a refused key after good answers halts the executor and is not judged.
    private func observe(query: String, answer: Result<HTTPResponse, TransportError>, judgesRefusal: Bool) -> ObservedResponse {
        guard case .success(let response) = answer else { return ObservedResponse(query: query, result: answer) }
        let status = response.status
        guard judgesRefusal else { return ObservedResponse(query: query, result: answer) }
        if sendsKey, unauthorizedStatuses.contains(status) {
            let refusedNow: String? = lock.withLock {
                guard answeredCount > 0 else { return nil }
                if refusal == nil {
                    refusal = KeyRefusal(status: status, afterRequests: requestCount, afterAnswers: answeredCount)
                    haltReason = "the target refused the key (HTTP \(status)) after \(answeredCount) good answers (\(requestCount) requests)"
                }
                return haltReason
            }
            if let refusedNow { return .skipped(query: query, reason: refusedNow) }
        }
        if status != 429 && status != 503 { lock.withLock { answeredCount += 1 } }
        return ObservedResponse(query: query, result: answer)
    }

    /// The headers a request with this credential carries: the run's key, the second key under the
    /// spec's header, or a variant derived from the run's key (another value, another header name, or
    /// no key at all). The gateway resolves a credential here, so no key travels outside it.
    private func headers(for credential: RequestCredential) -> [HTTPHeader] {
        let replacement: (name: String, value: String?)
        switch credential {
        case .firstKey:
            return headers
        case .secondKey:
            replacement = (keyHeader, keys.second)
        case .variant(let variant):
            guard let key = keys.first, let derived = variant.credential(key: key, header: keyHeader) else { return headers }
            replacement = (derived.name, derived.value)
        }
        var out = headers.filter { $0.name != keyHeader }
        if let value = replacement.value { out.append(HTTPHeader(name: replacement.name, value: value, isSecret: true)) }
        return out
    }

    /// Keeps the slowest requests.
    private func record(query: String, answer: Result<HTTPResponse, TransportError>) {
        let seconds: Double
        let outcome: String
        switch answer {
        case .success(let response):
            seconds = response.timings.total
            outcome = "HTTP \(response.status)"
        case .failure(let error):
            switch error {
            case .timedOut(_, let after), .stalled(_, let after, _, _, _): seconds = after
            default: seconds = 0
            }
            outcome = error.description
        }
        lock.withLock {
            guard accounting.slowest.count < 5 || seconds > (accounting.slowest.last?.seconds ?? 0) else { return }
            accounting.slowest.append(SlowRequest(query: query, seconds: seconds, outcome: outcome))
            accounting.slowest.sort { $0.seconds > $1.seconds }
            if accounting.slowest.count > 5 { accounting.slowest.removeLast() }
        }
    }

    private func halt(_ reason: String, condition: String) {
        lock.withLock {
            if haltReason == nil { haltReason = reason }
            if !accounting.conditions.contains(condition) { accounting.conditions.append(condition) }
        }
    }

    func noteDeadline(_ reason: String, condition: Bool = false) {
        lock.withLock {
            if deadlineReason == nil { deadlineReason = reason }
            if condition, !accounting.conditions.contains(reason) { accounting.conditions.append(reason) }
        }
    }

    /// Jittered exponential backoff for attempt `attempt`.
    private func backoff(_ attempt: Int) -> Double {
        let base = min(8.0, 0.2 * Double(1 << min(attempt, 6)))
        return base * (0.75 + 0.5 * nextJitter())
    }

    private func nextJitter() -> Double {
        lock.withLock { Double(jitter.next() >> 11) / Double(1 << 53) }
    }

    /// `86400`, `1.5`.
    static func seconds(_ value: Double) -> String {
        value.wholeNumberText ?? String(format: "%.1f", value)
    }
}
