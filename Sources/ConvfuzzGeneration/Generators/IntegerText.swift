/// Decimal text of `value + delta` for small deltas, exact even past the 64-bit range
/// (`Int64.max + 1` is `9223372036854775808`).
enum IntegerText {
    static func offset(_ value: Int64, by delta: Int64) -> String {
        let (sum, overflow) = value.addingReportingOverflow(delta)
        if !overflow { return String(sum) }
        // Only reachable at the extremes with |delta| small: work on the magnitude as UInt64.
        if value > 0 {
            return String(UInt64(value) + UInt64(delta))
        }
        return "-" + String(value.magnitude + UInt64(-delta))
    }

    /// `value` clamped into optional bounds.
    static func clamp(_ value: Int64, minimum: Int64?, maximum: Int64?) -> Int64 {
        var result = value
        if let minimum, result < minimum { result = minimum }
        if let maximum, result > maximum { result = maximum }
        return result
    }
}
