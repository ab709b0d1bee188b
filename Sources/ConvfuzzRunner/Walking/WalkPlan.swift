import ConvfuzzContract
import ConvfuzzSpec

/// A cursor walk to run: the query pairs without a cursor, and optionally a page bound of its own.
public struct WalkPlan: Sendable, Hashable {
    /// The query pairs, without the cursor parameter.
    public var pairs: [WirePair]
    /// When set, the walk stops after this many pages on purpose (`.sampled`): a walk prefix, as a
    /// shrunk walk finding is replayed.
    public var pages: Int?

    /// Creates a plan.
    public init(pairs: [WirePair], pages: Int? = nil) {
        self.pairs = pairs
        self.pages = pages
    }

    /// The encoded query without a cursor.
    public var query: String { QueryCodec.queryString(pairs) }
}
