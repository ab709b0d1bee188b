/// The colours of the report's charts (colour-blind friendly, after Okabe and Ito).
enum ChartPalette {
    /// Colours for series such as phases, used in order and then repeated.
    static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999"]
    /// Bars of single-series histograms.
    static let bar = "#0072B2"
    /// Percentile marker lines.
    static let markers = ["#009E73", "#E69F00", "#D55E00"]
    /// Axis lines and ticks.
    static let axis = "#888"
    /// Grid lines.
    static let grid = "#e4e4e4"
    /// Coverage cells the spec allows and no case hit.
    static let gap = "#D55E00"
    /// Coverage cells that do not apply.
    static let empty = "#f3f3f3"

    /// The colour of series `index`.
    static func colour(_ index: Int) -> String {
        series[index % series.count]
    }

    /// A blue whose depth grows with `fraction` (0...1), for heatmap cells.
    static func heat(_ fraction: Double) -> String {
        let clamped = min(1, max(0, fraction))
        let from = (r: 222.0, g: 235.0, b: 247.0)
        let to = (r: 8.0, g: 69.0, b: 148.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * clamped).rounded()) }
        return "rgb(\(channel(from.r, to.r)),\(channel(from.g, to.g)),\(channel(from.b, to.b)))"
    }
}
