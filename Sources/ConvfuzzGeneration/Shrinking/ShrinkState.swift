/// The shrinker's working state: the current case, the accepted chain and the attempt count.
struct ShrinkState {
    /// The simplest failing case so far.
    var current: GeneratedCase
    /// The most attempts the search may spend.
    let limit: Int
    /// Attempts spent.
    var attempts = 0
    /// Accepted candidates, oldest first.
    var accepted: [GeneratedCase] = []
    /// Choice sequences already tried.
    var seen: Set<[UInt64]> = []

    init(current: GeneratedCase, limit: Int) {
        self.current = current
        self.limit = limit
        seen.insert(current.choices)
    }

    /// Whether the search budget is spent.
    var exhausted: Bool { attempts >= limit }
}
