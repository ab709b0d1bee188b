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
