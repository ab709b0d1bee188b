import ConvfuzzJSON
import ConvfuzzSpec

/// The declared order of items: the order key (a number, compared exactly) in a
/// direction, ties broken by the tie-break field compared by Unicode code points
/// in the same direction.
public struct ItemOrder: Sendable {
    /// How two items relate in the order.
    public enum Relation: Sendable, Hashable {
        /// The first item comes before the second.
        case before
        /// The first item comes after the second.
        case after
        /// Same key and same tie-break (or same key and no tie-break declared).
        case same
        /// A key or tie-break is missing or not comparable.
        case unknown
    }

    /// The order spec.
    public let order: OrderSpec
    /// The direction.
    public let direction: SortDirection

    /// Creates the order of a spec in a direction.
    public init(spec: Spec, direction: SortDirection) {
        self.order = spec.pagination.order
        self.direction = direction
    }

    /// How `a` relates to `b`.
    public func compare(_ a: JSONValue, _ b: JSONValue) -> Relation {
        guard let ka = key(a), let kb = key(b) else { return .unknown }
        var ascending: Relation = ka < kb ? .before : (kb < ka ? .after : .same)
        if ascending == .same, let tieField = order.tieBreak {
            guard let ta = a[tieField]?.stringValue, let tb = b[tieField]?.stringValue else { return .unknown }
            let sa = Array(ta.unicodeScalars), sb = Array(tb.unicodeScalars)
            if sa.lexicographicallyPrecedes(sb, by: { $0.value < $1.value }) { ascending = .before }
            else if sb.lexicographicallyPrecedes(sa, by: { $0.value < $1.value }) { ascending = .after }
        }
        guard direction == .desc else { return ascending }
        switch ascending {
        case .before: return .after
        case .after: return .before
        default: return ascending
        }
    }

    /// Whether `item` comes strictly after `position` (nil when not comparable).
    public func isAfter(position: JSONValue, item: JSONValue) -> Bool? {
        switch compare(position, item) {
        case .before: return true
        case .after, .same: return false
        case .unknown: return nil
        }
    }

    /// The order key of an item.
    public func key(_ item: JSONValue) -> DecimalValue? {
        item[order.key]?.numberValue.flatMap { DecimalValue($0) }
    }

    /// `key desc, tie desc`-style text for messages.
    public var text: String {
        let dir = direction.rawValue
        return order.tieBreak.map { "\(order.key) \(dir), \($0) \(dir)" } ?? "\(order.key) \(dir)"
    }

    /// A short description of an item's position, e.g. `(1700000000, c_12)`.
    public func describe(_ item: JSONValue) -> String {
        let key = item[order.key]?.description ?? "?"
        guard let tie = order.tieBreak else { return "(\(key))" }
        return "(\(key), \(item[tie]?.wireText ?? "?"))"
    }
}
