import ConvfuzzOracle
import ConvfuzzResults
import ConvfuzzTransport
import Foundation

/// The gateway's sliding window: queries submitted (in order, from one or more submissions) flow
/// through the transport as its slots free up, each retried on its own, and come back in request
/// order when collected. A slow or stalled answer holds only its own slot: the requests after it go
/// on, and so do their retries.
///
/// The request budget is granted at submission, in submission order, so what is granted does not
/// depend on timing. The rate limit, the deadline and a halt apply when a request is about to start.
/// Results are collected in request order by ``collect(_:)``; ``RequestExecutor/execute(_:credential:)``
/// is one submission streamed on the caller's thread, ``RequestExecutor/openStream(credential:)``
/// streams on a pump thread while the caller submits ahead and collects.
///
/// `@unchecked Sendable`: every mutable property is guarded by `condition`.
final class RequestStream: @unchecked Sendable {
    /// The indices of one submission's queries.
    typealias Ticket = Range<Int>

    private let executor: RequestExecutor
    private let credential: RequestCredential
    private let headers: [HTTPHeader]
    private let condition = NSCondition()
    private var queries: [String] = []
    private var fresh: [Int] = []
    private var freshHead = 0
    private var retrying: [(index: Int, due: Double)] = []
    private var attempts: [Int: Int] = [:]
    private var sentAt: [Int: (at: Double, timeout: Double?)] = [:]
    private var last: [Int: ObservedResponse] = [:]
    private var results: [Int: ObservedResponse] = [:]
    private var retried = Set<Int>()
    private var troubled: [Int: Set<RetryReason>] = [:]
    private var inFlight = 0
    private var closed = false
    private var held = 0
    private var pump: (thread: Thread, done: DispatchSemaphore)?

    init(executor: RequestExecutor, credential: RequestCredential, headers: [HTTPHeader]) {
        self.executor = executor
        self.credential = credential
        self.headers = headers
    }

    // MARK: Caller side

    /// Queues `queries` after everything submitted before; the request budget is granted here, and
    /// what it refuses comes back skipped.
    func submit(_ queries: [String]) -> Ticket {
        let granted = executor.budget.grant(queries.count)
        let reason = granted < queries.count ? executor.budget.refusal : ""
        let ticket: Ticket = condition.withLock {
            let start = self.queries.count
            self.queries += queries
            for offset in queries.indices {
                if offset < granted { fresh.append(start + offset) } else { results[start + offset] = .skipped(query: queries[offset], reason: reason) }
            }
            condition.broadcast()
            return start..<(start + queries.count)
        }
        executor.wakeTransport()
        return ticket
    }

    /// The results of a submission, in request order; waits until every one is final.
    func collect(_ ticket: Ticket) -> [ObservedResponse] {
        condition.withLock {
            while ticket.contains(where: { results[$0] == nil }) { condition.wait() }
            return ticket.map { index in
                let result = results.removeValue(forKey: index)!
                held -= result.body.count
                queries[index] = ""
                return result
            }
        }
    }

    /// The tickets among `tickets` whose results are all final (at least one; waits until then), in the given order.
    func ready(among tickets: [Ticket]) -> [Ticket] {
        condition.withLock {
            while true {
                let done = tickets.filter { $0.allSatisfy { results[$0] != nil } }
                if !done.isEmpty || tickets.isEmpty { return done }
                condition.wait()
            }
        }
    }

    /// Body bytes of results final but not yet collected.
    var heldBytes: Int { condition.withLock { held } }

    /// Streams on a pump thread until ``close()``.
    func start(on transport: any RequestTransport) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            transport.stream(next: next, deliver: deliver)
            done.signal()
        }
        pump = (thread, done)
        thread.start()
    }

    /// No more submissions: the stream ends once everything submitted is final (waits for the pump).
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
        executor.wakeTransport()
        pump?.done.wait()
        pump = nil
    }

    /// Streams on the calling thread until everything submitted is final (after ``close()`` without a pump).
    func drain(on transport: any RequestTransport) {
        condition.withLock { closed = true }
        transport.stream(next: next, deliver: deliver)
    }

    // MARK: Transport side

    /// The next request to start: a due retry first, then the next submitted query.
    private func next() -> StreamPull {
        let stop = executor.stopReason
        return condition.withLock {
            while true {
                if let stop { giveUp(reason: stop) }
                let now = Clock.monotonic()
                let due = retrying.indices.filter { retrying[$0].due <= now }.min { retrying[$0].index < retrying[$1].index }
                let index: Int
                if let due {
                    index = retrying.remove(at: due).index
                } else if freshHead < fresh.count {
                    index = fresh[freshHead]
                } else {
                    if closed && inFlight == 0 && retrying.isEmpty { return .end }
                    let soonest = retrying.map(\.due).min().map { $0 - now } ?? 0.1
                    return .wait(max(0.001, min(0.1, soonest)))
                }
                let timeout = executor.deadline.remaining
                if let timeout, timeout <= 0 {
                    if due == nil { freshHead += 1 }
                    executor.noteDeadline("the time budget is spent")
                    finish(index, last[index] ?? .skipped(query: queries[index], reason: "the time budget is spent"))
                    continue
                }
                if let wait = executor.rateDelay(), wait > 0 {
                    if let due = due { retrying.insert((index, now), at: min(due, retrying.count)) }
                    return .wait(min(wait, 0.1))
                }
                if due == nil { freshHead += 1 }
                inFlight += 1
                sentAt[index] = (executor.traffic.now(), timeout)
                return .request(tag: index, HTTPRequest(url: executor.url(for: queries[index]), headers: headers), timeout: timeout)
            }
        }
    }

    /// Judges one answer: final (observed, or skipped when the run's deadline cut it), or queued again for a retry.
    private func deliver(_ index: Int, _ answer: Result<HTTPResponse, TransportError>) {
        let (query, attempt, sent) = condition.withLock { (queries[index], attempts[index, default: 0], sentAt[index]) }
        let outcome = executor.conclude(query: query, answer: answer, attempt: attempt, sentAt: sent?.at ?? 0,
                                        timeout: sent?.timeout, credential: credential)
        var trouble = condition.withLock { troubled[index] ?? [] }
        if let reason = outcome.trouble { executor.noteTrouble(reason, first: trouble.isEmpty, new: trouble.insert(reason).inserted) }
        var retryDue: Double?
        if let delay = outcome.retryDelay, let reason = outcome.retryReason {
            if executor.budget.grant(1) == 1 {
                let first = condition.withLock { retried.insert(index).inserted }
                executor.noteRetry(reason, firstForRequest: first)
                retryDue = Clock.monotonic() + delay
            }
        }
        condition.withLock {
            troubled[index] = trouble
            inFlight -= 1
            if let retryDue {
                last[index] = outcome.observed
                attempts[index] = attempt + 1
                retrying.append((index, retryDue))
            } else {
                finish(index, outcome.observed)
            }
        }
    }

    // MARK: Helpers (under `condition`)

    private func finish(_ index: Int, _ observed: ObservedResponse) {
        last[index] = nil
        attempts[index] = nil
        sentAt[index] = nil
        troubled[index] = nil
        held += observed.body.count
        results[index] = observed
        condition.broadcast()
    }

    /// After a halt: what waits to start is not sent (a retry keeps its last answer).
    private func giveUp(reason: String) {
        for index in fresh[freshHead...] { finish(index, .skipped(query: queries[index], reason: reason)) }
        freshHead = fresh.count
        for (index, _) in retrying { finish(index, last[index] ?? .skipped(query: queries[index], reason: reason)) }
        retrying = []
    }
}
