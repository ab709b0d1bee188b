import ConvfuzzContract
import ConvfuzzGeneration
import ConvfuzzOracle

/// What the discovery walk learnt about the target: the value every later phase is judged against.
public struct Discovery: Sendable {
    /// Value pools: the profile's, merged with what the walk's items hold.
    public var pools: ValuePools
    /// The discovery walk: the base set for completeness checks (nil before discovery ran).
    public var base: Walk?
    /// The cursors the target issued (a cursor case is valid exactly when its value is here).
    public var issued: CursorBook
    /// The growth window's start, when the window is on.
    public var windowStart: Int64?
    /// The discovery query's pairs (the unfiltered query at the largest page size, with per-id helpers).
    public var basePairs: [WirePair]

    /// Creates a discovery value.
    public init(pools: ValuePools, base: Walk? = nil, issued: CursorBook = CursorBook(), windowStart: Int64? = nil,
                basePairs: [WirePair] = []) {
        self.pools = pools
        self.base = base
        self.issued = issued
        self.windowStart = windowStart
        self.basePairs = basePairs
    }
}

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
