import ConvfuzzResults

/// Plans a run's phases within its request budget: coverage first.
///
/// A share of the bound is kept for confirmation and shrinking (``reserved``: the same share of it
/// as `--time-budget` keeps of its time), so that findings are still re-verified. The rest is the
/// exploration pool. The preflight and discovery take what they need (discovery at most a
/// ``discoveryShare`` of the pool: every later phase is judged against it); each check family after
/// them is given, when it starts, an equal part of what the pool still holds among the families yet
/// to run. So every family gets a share before any gets more, and what a family leaves unused (an
/// empty corpus, eight auth probes) goes to the families after it. Once every family ran, what the
/// reserve holds beyond what confirming the findings so far needs (``spare(remaining:confirmationNeed:)``)
/// flows back to the fixed cases the budget cut; with `--explore` what is spare after that (computed the
/// same way) is ``ExplorePhase``'s share; confirmation has what is left.
public struct RequestPlanner: Sendable {
    /// The bound.
    public let limit: Int
    /// Requests kept for confirmation and shrinking.
    public let reserved: Int

    /// The families that share the pool after discovery, in the order they run.
    public static let families: [PhaseName] = [.corpus, .auth, .cases, .probes, .walks, .relations]
    /// The families of this run that send requests (those the check selection skips leave their share to the others).
    public let running: [PhaseName]
    /// The most of the pool the discovery walk may take.
    public static let discoveryShare = 0.25

    /// A planner for `limit` requests keeping `confirmShare` of them for confirmation, shared among the
    /// `running` families (by default every one).
    public init(limit: Int, confirmShare: Double, running: [PhaseName] = RequestPlanner.families) {
        self.limit = max(0, limit)
        self.running = Self.families.filter(running.contains)
        self.reserved = Int((Double(self.limit) * min(0.9, max(0, confirmShare))).rounded(.down))
    }

    /// The share of `phase`, given the requests the bound has left (nil: no cap but the bound).
    public func share(of phase: PhaseName, remaining: Int) -> Int? {
        let pool = pool(remaining: remaining)
        switch phase {
        case .preflight:
            return nil
        case .discovery:
            return max(1, Int(Double(limit - reserved) * Self.discoveryShare))
        default:
            guard let position = running.firstIndex(of: phase) else { return pool }
            return pool / (running.count - position)
        }
    }

    /// What a bound with `remaining` requests left gives back to exploration once every family ran: all
    /// but twice the estimated requests of confirming the findings so far (their re-runs, and room to
    /// confirm what the further work finds), and never the last twentieth of the bound.
    public func spare(remaining: Int, confirmationNeed: Int) -> Int {
        max(0, remaining - max(2 * max(0, confirmationNeed), limit / 20))
    }

    /// What the exploration pool still holds when the bound has `remaining` requests left.
    public func pool(remaining: Int) -> Int { max(0, remaining - reserved) }

    /// How many walked units fit in `share` requests at about `costEach` requests each (at least one
    /// when anything fits, at most `wanted`).
    public static func affordable(_ wanted: Int, share: Int?, costEach: Int) -> Int {
        guard let share else { return wanted }
        guard share > 0 else { return 0 }
        return min(wanted, max(1, share / max(1, costEach)))
    }
}
