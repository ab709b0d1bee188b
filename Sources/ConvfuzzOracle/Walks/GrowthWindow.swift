import ConvfuzzJSON
import ConvfuzzSpec

/// Items that may legitimately appear while walks run: with `growth: head`, items
/// whose time field is at or after the window start are ignored in set comparisons.
///
/// The start second itself counts as new: a target that gains several items per second
/// can create one in the very second the window starts, after the walk that fixed the
/// start has read that second's items, so `time >= start` is late (never `>` alone).
public struct GrowthWindow: Sendable {
    /// The item time field.
    public let timeField: String?
    /// The window start, when growth is tolerated.
    public let start: DecimalValue?

    /// The window of a spec for a run that started at `windowStart` (nil: no tolerance).
    public init(spec: Spec, windowStart: Int64?) {
        let active = spec.pagination.growth == .head && spec.pagination.timeField != nil
        self.timeField = spec.pagination.timeField
        self.start = active ? windowStart.flatMap { DecimalValue(String($0)) } : nil
    }

    /// Whether the item carries the window's start second or a later one (and so may come and go).
    public func isLate(_ item: JSONValue) -> Bool {
        guard let start, let timeField, let time = item[timeField]?.numberValue.flatMap({ DecimalValue($0) }) else { return false }
        return time >= start
    }

    /// The ids of late items among items, by an id function.
    public func lateIDs(_ items: [JSONValue], id: (JSONValue) -> String?) -> Set<String> {
        guard start != nil else { return [] }
        return Set(items.filter(isLate).compactMap(id))
    }
}
