import ConvfuzzOracle
import ConvfuzzTransport

// MARK: - The request budget and the deadline's own cuts

extension RequestExecutor {
    /// The pending indices the request budget grants (the first ones); the others, not answered
    /// before (a retry keeps its last answer), become skipped observations no oracle judges.
    func granted(_ pending: [Int], queries: [String], results: inout [ObservedResponse?]) -> [Int] {
        let count = budget.grant(pending.count)
        guard count < pending.count else { return pending }
        let reason = budget.refusal
        for index in pending[count...] where results[index] == nil {
            results[index] = .skipped(query: queries[index], reason: reason)
        }
        return Array(pending.prefix(count))
    }

    /// The positions of timeouts the run's own deadline caused: the request's timeout was cut to what
    /// the budget left, and the budget is now spent. They are observed as skipped, never judged: the
    /// target is not at fault for a wait the run cut short.
    func deadlineCuts(_ answers: [Result<HTTPResponse, TransportError>], timeout: Double?) -> Set<Int> {
        guard let timeout, timeout < requestTimeoutLimit, deadline.remaining.map({ $0 <= Self.deadlineSlack }) ?? false else { return [] }
        var cut = Set<Int>()
        for (position, answer) in answers.enumerated() {
            if case .failure(.timedOut) = answer { cut.insert(position) }
        }
        return cut
    }

    /// Seconds before the deadline within which a cut timeout counts as the deadline's.
    static let deadlineSlack = 0.05
}
