/// The order in which a run sends its first `total` cases when it cannot send them all (a request
/// budget): coverage first, then the stream.
///
/// The front of the order is the sweep cases (see ``CaseMix``) below `total`: first one for every
/// distinct class and detail of the catalog (a leading zero, a millisecond timestamp, every value of an
/// enum list …) on the first parameter the catalog lists for it, round robin over the classes so every
/// class is represented early; then the same on each one's second parameter, and so on. Every fourth
/// place of the front goes to the next case of the plain stream, so valid cases (the walks' and
/// relations' candidates) keep coming. Only sweep cases below `total` are used.
/// After the front come the remaining indices of `0..<total` in stream order. The order is a
/// permutation of `0..<total` that depends only on the spec and the seed, so a cut run sends the same
/// cases at any concurrency, and every case still replays from its index.
public struct CaseOrder: Sendable {
    /// The front: the indices sent first, in order.
    public let front: [Int]
    private let sortedFront: [Int]
    /// The number of cases ordered.
    public let total: Int

    /// The coverage-first order of cases `0..<total` of run `seed`.
    public init(generator: CaseGenerator, seed: UInt64, total: Int) {
        self.total = max(0, total)
        let cells = generator.cells
        guard !cells.isEmpty, self.total > 0 else {
            front = []
            sortedFront = []
            return
        }
        let period = CaseMix.sweepPeriod
        let offset = generator.sweepOffset(seed: seed)
        // The sweep cases below `total`, grouped by (class, detail) in catalog order, each group's cases in
        // parameter order; groups listed per class.
        var groups: [[Int]] = []
        var groupOf: [String: Int] = [:]
        var kindGroups: [[Int]] = []
        var kindSlot: [CaseKind: Int] = [:]
        for (position, cell) in cells.enumerated() {
            let sweep = ((position - offset) % cells.count + cells.count) % cells.count
            let index = period * sweep + period - 1
            guard index < self.total else { continue }
            let key = "\(cell.kind.rawValue)|\(cell.detail)"
            if let group = groupOf[key] {
                groups[group].append(index)
                continue
            }
            groupOf[key] = groups.count
            if kindSlot[cell.kind] == nil {
                kindSlot[cell.kind] = kindGroups.count
                kindGroups.append([])
            }
            kindGroups[kindSlot[cell.kind]!].append(groups.count)
            groups.append([index])
        }
        // Pass `p` takes the `p`-th case of every group (its `p`-th parameter), round robin over the classes.
        var sweeps: [Int] = []
        var pass = 0
        while sweeps.count < groups.reduce(0, { $0 + $1.count }) {
            let lists = kindGroups.map { $0.filter { pass < groups[$0].count } }
            var round = 0
            while lists.contains(where: { round < $0.count }) {
                for list in lists where round < list.count { sweeps.append(groups[list[round]][pass]) }
                round += 1
            }
            pass += 1
        }
        let chosen = Set(sweeps)
        var plain = (0..<self.total).lazy.filter { !chosen.contains($0) && $0 % period != period - 1 }.makeIterator()
        var front: [Int] = []
        for (place, index) in sweeps.enumerated() {
            if place % 3 == 0, let next = plain.next() { front.append(next) }
            front.append(index)
        }
        self.front = front
        sortedFront = front.sorted()
    }

    /// The case index at `position` of the order (`0..<total`).
    public func index(at position: Int) -> Int {
        if position < front.count { return front[position] }
        // The rank-th index not in the front: the least x with x = rank + (front indices ≤ x), reached by
        // iterating from below (a front index is never that least fixed point).
        let rank = position - front.count
        var candidate = rank
        while true {
            let next = rank + Self.countAtOrBelow(candidate, in: sortedFront)
            if next == candidate { return candidate }
            candidate = next
        }
    }

    private static func countAtOrBelow(_ value: Int, in sorted: [Int]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
