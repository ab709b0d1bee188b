import ConvfuzzSpec

/// What a decoded query means for pagination: its page size and its direction.
///
/// The one place that reads them: the classifier, the walk driver, the oracle's walks and the
/// runner's query shaper all ask here, so a page size is read by the spec's integer pattern
/// (``ValueChecker/integer(_:)``) everywhere.
public struct QueryReading: Sendable {
    /// The spec.
    public let spec: Spec
    private let checker: ValueChecker

    /// Creates a reader.
    public init(spec: Spec) {
        self.spec = spec
        checker = ValueChecker(spec: spec)
    }

    /// Creates a reader sharing an existing value checker (its compiled patterns).
    public init(checker: ValueChecker) {
        spec = checker.spec
        self.checker = checker
    }

    /// The page size the query asks for, or nil when it sends none (or none the spec reads as an integer).
    public func requestedPageSize(_ query: EffectiveQuery) -> Int? {
        guard let text = query.scalar(spec.pagination.pageSizeParam), let value = checker.integer(text),
              let size = Int(exactly: value) else { return nil }
        return size
    }

    /// The page size that applies: the one asked for, else the spec's default.
    public func pageSize(_ query: EffectiveQuery) -> Int {
        requestedPageSize(query) ?? spec.pagination.defaultPageSize
    }

    /// The direction selected by the direction parameter, else the order's default.
    public func direction(_ query: EffectiveQuery) -> SortDirection {
        let order = spec.pagination.order
        if let param = order.directionParam, let text = query.scalar(param), let direction = order.direction(forWireValue: text) {
            return direction
        }
        return order.defaultDirection
    }
}
