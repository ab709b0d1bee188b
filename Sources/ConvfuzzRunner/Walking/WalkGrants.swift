/// How the pages a request budget leaves a phase are granted to the walks of one ``WalkDriver`` call:
/// in plan order, never in the order answers arrive, so which walk a tight budget cuts does not depend
/// on timing.
///
/// Each walk is given its estimate (pages; without one, one page and then as many as it has used, so
/// its grant doubles), in plan order while the pool lasts. A walk sends only within its grant; what a
/// walk that ended did not use goes back to the pool, which is granted again, in plan order, only once
/// every walk under way has ended or used its grant (``allot(unfinished:)``). Without a budget every
/// walk may always send.
struct WalkGrants {
    private var pool: Int?
    private var granted: [Int]
    /// Pages sent per walk.
    private(set) var used: [Int]
    private let estimates: [Int]?

    /// Grants for `count` walks out of `pool` pages (nil: no budget).
    init(count: Int, pool: Int?, estimates: [Int]?) {
        self.pool = pool.map { max(0, $0) }
        granted = Array(repeating: 0, count: count)
        used = Array(repeating: 0, count: count)
        self.estimates = estimates
    }

    /// Whether walk `index` may send its next page.
    func mayUse(_ index: Int) -> Bool {
        pool == nil || used[index] < granted[index]
    }

    /// Walk `index` sends a page.
    mutating func use(_ index: Int) {
        used[index] += 1
    }

    /// Walk `index` ended: what it did not use goes back to the pool.
    mutating func finish(_ index: Int) {
        guard let left = pool else { return }
        pool = left + granted[index] - used[index]
        granted[index] = used[index]
    }

    /// Grants pages to the `unfinished` walks that used their grant, in plan order, while the pool lasts.
    mutating func allot(unfinished: [Int]) {
        guard var left = pool else { return }
        for index in unfinished where used[index] >= granted[index] {
            guard left > 0 else { break }
            let estimate = max(1, estimates?[index] ?? 1)
            let need = used[index] < estimate ? estimate - used[index] : max(1, used[index])
            let give = min(left, need)
            granted[index] += give
            left -= give
        }
        pool = left
    }
}
