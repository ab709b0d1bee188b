/// The unit an integer parameter's value is counted in (`unit:` in the spec), so the generator can
/// send the same instant or length in the neighbouring units (the classic client mistake).
///
/// Units form one ladder per dimension; the neighbours of a unit are the units next to it.
public enum ValueUnit: String, Sendable, CaseIterable, Codable {
    /// Thousandths of a second.
    case milliseconds
    /// Seconds.
    case seconds
    /// Sixty seconds.
    case minutes
    /// Sixty minutes.
    case hours
    /// Bytes.
    case bytes
    /// 1,024 bytes.
    case kilobytes

    /// The ladder this unit is on, smallest first, with each unit's size in the smallest one.
    private var ladder: [(unit: ValueUnit, size: Int64)] {
        switch self {
        case .milliseconds, .seconds, .minutes, .hours:
            return [(.milliseconds, 1), (.seconds, 1_000), (.minutes, 60_000), (.hours, 3_600_000)]
        case .bytes, .kilobytes:
            return [(.bytes, 1), (.kilobytes, 1_024)]
        }
    }

    /// The units next to this one on its ladder (smaller first).
    public var neighbours: [ValueUnit] {
        let ladder = ladder
        guard let index = ladder.firstIndex(where: { $0.unit == self }) else { return [] }
        return [index - 1, index + 1].filter { ladder.indices.contains($0) }.map { ladder[$0].unit }
    }

    /// `value` (counted in this unit) counted in `other` (same ladder), rounded toward zero;
    /// nil on overflow or when the units measure different things.
    public func convert(_ value: Int64, to other: ValueUnit) -> Int64? {
        let ladder = ladder
        guard let from = ladder.first(where: { $0.unit == self })?.size,
              let to = ladder.first(where: { $0.unit == other })?.size else { return nil }
        if from >= to {
            let (product, overflow) = value.multipliedReportingOverflow(by: from / to)
            return overflow ? nil : product
        }
        return value / (to / from)
    }
}
