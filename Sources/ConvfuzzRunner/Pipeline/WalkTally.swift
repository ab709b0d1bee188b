import ConvfuzzOracle

/// Walks judged and pages they held: what `RunStatistics.walks` and `pagesWalked` add up.
public struct WalkTally: Sendable, Hashable {
    /// Walks judged.
    public var walks = 0
    /// Pages of those walks.
    public var pages = 0
    /// Walks that stopped at the memory bound before their end (their set comparisons were skipped).
    public var cutByMemory = 0

    /// No walks.
    public init() {}

    /// Counts judged walks.
    public mutating func count(_ walks: Walk?...) {
        for walk in walks {
            guard let walk else { continue }
            self.walks += 1
            pages += walk.pages.count
            if case .memoryBound = walk.end { cutByMemory += 1 }
        }
    }

    /// Adds another tally.
    public mutating func add(_ other: WalkTally) {
        walks += other.walks
        pages += other.pages
        cutByMemory += other.cutByMemory
    }
}
