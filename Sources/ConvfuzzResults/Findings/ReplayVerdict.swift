/// What replaying stored failures concludes, and the exit status `convfuzz replay` gives it.
public enum ReplayVerdict: Sendable, Hashable {
    /// Every entry was re-run and none fails any more (exit 0).
    case passed
    /// This many entries still fail (exit 1, whatever else happened).
    case stillFailing(Int)
    /// None fails, but this many could not be judged (exit 3: the target stopped answering, a tenancy
    /// entry without the second key…).
    case unjudged(Int)

    /// The verdict of a replay's outcomes.
    public init(_ outcomes: [CorpusReplayOutcome]) {
        let failing = outcomes.filter(\.stillFails).count
        let unjudged = outcomes.filter { $0.unjudged != nil }.count
        if failing > 0 {
            self = .stillFailing(failing)
        } else if unjudged > 0 {
            self = .unjudged(unjudged)
        } else {
            self = .passed
        }
    }

    /// The exit status: 0 passed, 1 still failing, 3 not judged (the CLI's documented codes).
    public var exitCode: Int32 {
        switch self {
        case .passed: return 0
        case .stillFailing: return 1
        case .unjudged: return 3
        }
    }
}
