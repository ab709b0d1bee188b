import ConvfuzzContract
import ConvfuzzSpec

/// A cursor walk to run: the query pairs without a cursor, classified once.
///
/// The classification, page size and direction are read here, when the walk is planned, and
/// nowhere else: the walk driver and the walk it returns take them from the plan.
public struct WalkPlan: Sendable, Hashable {
    /// The query pairs, without the cursor parameter.
    public var pairs: [WirePair]
    /// What the query means, as the classifier reads it.
    public var classification: Classification
    /// The page size the walk's pages should have.
    public var pageSize: Int
    /// The direction the walk's pages should be in.
    public var direction: SortDirection

    /// Creates a plan, classifying the pairs and reading page size and direction once.
    public init(pairs: [WirePair], classifier: WireClassifier, reading: QueryReading) {
        self.pairs = pairs
        classification = classifier.classify(pairs)
        pageSize = reading.pageSize(classification.query)
        direction = reading.direction(classification.query)
    }

    /// The encoded query without a cursor.
    public var query: String { QueryCodec.queryString(pairs) }

    /// The page size the query asks for, when it asks for one the spec reads as an integer.
    public func requestedPageSize(_ reading: QueryReading) -> Int? {
        reading.requestedPageSize(classification.query)
    }
}
