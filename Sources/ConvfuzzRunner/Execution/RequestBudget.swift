import ConvfuzzResults
import Foundation

/// The run's bound on requests (`--max-requests`, or `--rate-limit` × `--time-budget`), held by the
/// gateway: every request of every phase, retries included, is granted here before it is sent, and
/// what is not granted comes back as a skipped observation that no oracle judges.
///
/// The runner plans within it (``RequestPlanner``): each phase is given a share when it starts
/// (``allot(_:share:)``), and the gateway grants a phase no more than what is left of its share and of
/// the whole bound. Without a bound every request is granted and nothing is counted.
/// `@unchecked Sendable`: every mutable property is guarded by `lock`.
public final class RequestBudget: @unchecked Sendable {
    /// The bound, or nil for an unbounded run.
    public let limit: Int?
    /// True when the bound is `--rate-limit` × `--time-budget`.
    public let implied: Bool
    private let lock = NSLock()
    private var sentCount = 0
    private var phase: PhaseName = .preflight
    private var shareEnd: Int?
    private var rows: [RequestBudgetReport.PhaseRequests] = []
    private var cutNotes: [String] = []
    private var reservedCount = 0

    /// A budget of `limit` requests (nil: unbounded).
    public init(limit: Int?, implied: Bool = false) {
        self.limit = limit.map { max(0, $0) }
        self.implied = implied
    }

    /// The budget of a run configuration (``RunSettings/requestLimit``).
    public convenience init(configuration: RunConfiguration) {
        self.init(limit: configuration.settings.requestLimit, implied: configuration.settings.requestLimitIsImplied)
    }

    // MARK: Granting

    /// How many of `count` requests may be sent now (the first ones); they are counted as sent.
    public func grant(_ count: Int) -> Int {
        guard let limit else { return count }
        return lock.withLock {
            var left = limit - sentCount
            if let shareEnd { left = min(left, shareEnd - sentCount) }
            let granted = max(0, min(count, left))
            sentCount += granted
            if !rows.isEmpty { rows[rows.count - 1].sent += granted }
            return granted
        }
    }

    /// Why a request was not granted, for its skipped observation.
    public var refusal: String {
        guard let limit else { return "" }
        return lock.withLock {
            sentCount >= limit ? "the request budget of \(limit) is spent" : "the \(phase.title) share of the request budget is spent"
        }
    }

    // MARK: Planning

    /// The current phase becomes `phase`, given `share` requests (nil: whatever the bound leaves).
    public func allot(_ phase: PhaseName, share: Int?) {
        guard let limit else { return }
        lock.withLock {
            self.phase = phase
            let planned = min(share ?? limit, max(0, limit - sentCount))
            shareEnd = share.map { sentCount + max(0, $0) }
            if let index = rows.firstIndex(where: { $0.phase == phase.rawValue }) {
                rows[index].planned += planned
                let row = rows.remove(at: index)
                rows.append(row)
            } else {
                rows.append(.init(phase: phase.rawValue, planned: planned, sent: 0))
            }
        }
    }

    /// Keeps `count` requests for confirmation and shrinking (reported).
    public func reserve(_ count: Int) {
        lock.withLock { reservedCount = count }
    }

    /// Notes what the budget cut, for the report.
    public func noteCut(_ note: String) {
        lock.withLock { cutNotes.append(note) }
    }

    /// Replaces the notes that start with `prefix` by `note` (nil: removes them), where the first of
    /// them was: a later step that resumed what was cut says once how far it went.
    public func replaceCut(startingWith prefix: String, by note: String?) {
        lock.withLock {
            let position = cutNotes.firstIndex { $0.hasPrefix(prefix) } ?? cutNotes.count
            cutNotes.removeAll { $0.hasPrefix(prefix) }
            if let note { cutNotes.insert(note, at: min(position, cutNotes.count)) }
        }
    }

    // MARK: Reading

    /// Requests granted so far.
    public var sent: Int { lock.withLock { sentCount } }

    /// Requests the whole bound has left, or nil without a bound.
    public var remaining: Int? {
        guard let limit else { return nil }
        return lock.withLock { max(0, limit - sentCount) }
    }

    /// Requests the current phase has left (its share and the bound), or nil without a bound.
    public var phaseRemaining: Int? {
        guard let limit else { return nil }
        return lock.withLock { max(0, min(limit, shareEnd ?? limit) - sentCount) }
    }

    /// True when the whole bound is spent.
    public var isSpent: Bool { remaining == 0 }

    /// Why the current phase must stop: the bound or its share is spent; nil otherwise.
    public var stopReason: String? {
        guard let limit else { return nil }
        return lock.withLock {
            if sentCount >= limit { return "request budget of \(limit) spent" }
            if let shareEnd, sentCount >= shareEnd { return "the \(phase.title) share of the request budget is spent" }
            return nil
        }
    }

    /// Why the run must stop starting phases: the whole bound is spent; nil otherwise.
    public var runStopReason: String? {
        guard let limit, isSpent else { return nil }
        return "request budget of \(limit) spent"
    }

    /// The report of a bounded run, or nil.
    public var report: RequestBudgetReport? {
        guard let limit else { return nil }
        return lock.withLock {
            RequestBudgetReport(limit: limit, implied: implied, reserved: reservedCount, sent: sentCount, phases: rows, cuts: cutNotes)
        }
    }
}
