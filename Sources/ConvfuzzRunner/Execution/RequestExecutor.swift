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
    public func execute(_ queries: [String], credential: RequestCredential = .firstKey) -> [ObservedResponse] {
        let headers = headers(for: credential)
        if let reason = stopReason { return queries.map { ObservedResponse.skipped(query: $0, reason: reason) } }
        var results = [ObservedResponse?](repeating: nil, count: queries.count)
        var pending = Array(queries.indices)
        var attempt = 0
        var retriedIndices = Set<Int>()
        var troubled: [Int: Set<RetryReason>] = [:]
        while !pending.isEmpty {
            let timeout = deadline.remaining
            if let timeout, timeout <= 0 {
                noteDeadline("the time budget is spent")
                for index in pending where results[index] == nil {
                    results[index] = .skipped(query: queries[index], reason: "the time budget is spent")
                }
                break
            }
            pending = granted(pending, queries: queries, results: &results)
            if pending.isEmpty { break }
            limiter?.acquire(pending.count)
            let requests = pending.map { HTTPRequest(url: url(for: queries[$0]), headers: headers) }
            let sentAt = traffic.now()
            let answers = client.send(requests, timeout: timeout)
            let cutByDeadline = deadlineCuts(answers, timeout: timeout)
            traffic.record(answers, sentAt: sentAt, attempt: attempt)
            lock.withLock { requestCount += requests.count }
            var retry: [(index: Int, reason: RetryReason)] = []
            var wait = 0.0
            var waitCause = ""
            for (position, index) in pending.enumerated() {
                let answer = answers[position]
                if cutByDeadline.contains(position) {
                    results[index] = .skipped(query: queries[index], reason: "cut short by the time budget")
                    continue
                }
                record(query: queries[index], answer: answer)
                results[index] = observe(query: queries[index], answer: answer, judgesRefusal: credential == .firstKey)
                if !(results[index]?.wasSkipped ?? false), let reason = TransportHealth.unhealthyReason(answer, attempt: attempt) {
                    noteTrouble(reason, index: index, troubled: &troubled)
                }
                guard attempt < retries, !(results[index]?.wasSkipped ?? false) else { continue }
                switch RetryDecision.decide(answer, backoff: backoff(attempt), maxRetryAfter: maxRetryAfter) {
                case .final:
                    break
                case let .retry(delay, reason, askedByTarget):
                    retry.append((index, reason))
                    if delay >= wait {
                        wait = delay
                        waitCause = askedByTarget ? "target asked to wait \(Self.seconds(delay)) s (Retry-After)"
                                                  : "retrying (\(reason.rawValue)) needs a wait of \(Self.seconds(delay)) s"
                    }
                case let .refusedWait(seconds, status):
                    halt("target asked to wait \(Self.seconds(seconds)) s (HTTP \(status), Retry-After), over --max-retry-after \(Self.seconds(maxRetryAfter)) s",
                         condition: "HTTP \(status) with Retry-After: \(Self.seconds(seconds)) s, over --max-retry-after \(Self.seconds(maxRetryAfter)) s: not waited for, run stopped")
                }
            }
            if retry.isEmpty || stopReason != nil { break }
            if let left = deadline.remaining, wait >= left {
                noteDeadline("\(waitCause); the budget has \(Self.seconds(left)) s left", condition: true)
                break
            }
            lock.withLock {
                retryCount += retry.count
                for (index, reason) in retry {
                    accounting.byReason[reason.rawValue, default: 0] += 1
                    if retriedIndices.insert(index).inserted { accounting.retriedRequests += 1 }
                }
            }
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            pending = retry.map(\.index)
            attempt += 1
        }
        return results.map { $0! }
    }

    // MARK: Helpers

    /// Counts a request's transport trouble for the health gate: once per request, once per reason.
    private func noteTrouble(_ reason: RetryReason, index: Int, troubled: inout [Int: Set<RetryReason>]) {
        let first = troubled[index] == nil
        guard troubled[index, default: []].insert(reason).inserted else { return }
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

    private func noteDeadline(_ reason: String, condition: Bool = false) {
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
