import ConvfuzzContract
import ConvfuzzSpec

/// A cursor walk to run: the query pairs without a cursor.
public struct WalkPlan: Sendable, Hashable {
    /// The query pairs, without the cursor parameter.
    public var pairs: [WirePair]

    /// Creates a plan.
    public init(pairs: [WirePair]) {
        self.pairs = pairs
    }

    /// The encoded query without a cursor.
    public var query: String { QueryCodec.queryString(pairs) }
}
