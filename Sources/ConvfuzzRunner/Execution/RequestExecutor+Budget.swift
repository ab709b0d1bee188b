import ConvfuzzOracle
import ConvfuzzTransport

// MARK: - The request budget and the deadline's own cuts

extension RequestExecutor {
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
