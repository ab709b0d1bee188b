import ConvfuzzGeneration
import ConvfuzzSpec

/// What a query means for pagination: effective page size and direction.
public struct QueryReading: Sendable {
    /// The spec.
    public let spec: Spec

    /// Creates a reader.
    public init(spec: Spec) {
        self.spec = spec
    }

    /// The page-size parameter's value when sent (and an integer), else the default page size.
    public func pageSize(_ query: EffectiveQuery) -> Int {
        let pagination = spec.pagination
        if let text = query.scalar(pagination.pageSizeParam), let value = Self.integer(text) { return value }
        return pagination.defaultPageSize
    }

    /// The direction selected by the direction parameter, else the order's default.
    public func direction(_ query: EffectiveQuery) -> SortDirection {
        let order = spec.pagination.order
        if let param = order.directionParam, let text = query.scalar(param), let direction = order.direction(forWireValue: text) {
            return direction
        }
        return order.defaultDirection
    }

    /// An integer in the spec's integer grammar (sign and leading zeros allowed).
    static func integer(_ text: String) -> Int? {
        guard let first = text.first, first.isASCII && (first.isNumber || first == "+" || first == "-") else { return nil }
        let digits = text.dropFirst(first.isNumber ? 0 : 1)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let trimmed = digits.drop { $0 == "0" }
        guard let magnitude = Int(trimmed.isEmpty ? "0" : String(trimmed)) else { return nil }
        return first == "-" ? -magnitude : magnitude
    }
}
