import ConvfuzzSpec

/// A linear value axis from zero to a "nice" maximum with round tick steps (1, 2 or 5 × 10ⁿ).
struct AxisScale {
    /// The top of the axis.
    let maximum: Double
    /// The distance between ticks.
    let step: Double

    /// A scale that fits `value` with at most `ticks` steps.
    init(fitting value: Double, ticks: Int = 4) {
        let target = max(value, 1) / Double(max(1, ticks))
        var magnitude = 1.0
        while magnitude * 10 <= target { magnitude *= 10 }
        while magnitude > target && magnitude > 1 { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= target } ?? magnitude * 10
        self.step = step
        maximum = (max(value, 1) / step).rounded(.up) * step
    }

    /// The tick values from zero to the maximum.
    var ticks: [Double] {
        stride(from: 0, through: maximum + step / 2, by: step).map { $0 }
    }

    /// A tick label: an integer, or one decimal below 10.
    static func label(_ value: Double) -> String {
        value.wholeNumberText ?? SVGCanvas.number(value)
    }
}
