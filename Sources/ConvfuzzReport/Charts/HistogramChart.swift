/// Single-colour vertical bars over labelled buckets, with optional vertical marker lines
/// (e.g. percentiles) placed at fractional bucket positions.
struct HistogramChart {
    /// One bucket.
    struct Bar {
        var label: String
        var count: Int
    }

    /// A labelled vertical line at `position` buckets from the left edge (0...bars.count).
    struct Marker {
        var position: Double
        var label: String
        var colour: String
    }

    /// The buckets, left to right.
    var bars: [Bar]
    /// Lines drawn over the bars.
    var markers: [Marker] = []
    /// What the buckets are.
    var xTitle: String
    /// What the bars count.
    var yTitle: String

    private let plotLeft = 52.0
    private let plotTop = 28.0
    private let plotWidth = 760.0
    private let plotHeight = 180.0

    /// The chart as an `<svg>` element.
    func render(label: String) -> String {
        var canvas = SVGCanvas(width: plotLeft + plotWidth + 16, height: plotTop + plotHeight + 40)
        let scale = AxisScale(fitting: Double(bars.map(\.count).max() ?? 0))
        for tick in scale.ticks {
            let y = plotTop + plotHeight - tick / scale.maximum * plotHeight
            canvas.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y, stroke: ChartPalette.grid)
            canvas.text(AxisScale.label(tick), x: plotLeft - 6, y: y + 4, anchor: "end", size: 10)
        }
        let slot = plotWidth / Double(max(1, bars.count))
        let barWidth = max(1, slot * 0.86)
        let labelEvery = max(1, Int((56 / slot).rounded(.up)))
        for (index, bar) in bars.enumerated() {
            let height = Double(bar.count) / scale.maximum * plotHeight
            let x = plotLeft + Double(index) * slot + (slot - barWidth) / 2
            canvas.rect(x: x, y: plotTop + plotHeight - height, width: barWidth, height: height, fill: ChartPalette.bar,
                        className: "bar", title: "\(bar.label): \(bar.count)")
            if index % labelEvery == 0 {
                canvas.text(bar.label, x: plotLeft + Double(index) * slot + slot / 2, y: plotTop + plotHeight + 14,
                            anchor: "middle", size: 10)
            }
        }
        canvas.line(x1: plotLeft, y1: plotTop + plotHeight, x2: plotLeft + plotWidth, y2: plotTop + plotHeight,
                    stroke: ChartPalette.axis)
        for (index, marker) in markers.enumerated() {
            let x = plotLeft + min(max(marker.position, 0), Double(bars.count)) * slot
            canvas.line(x1: x, y1: plotTop - 4, x2: x, y2: plotTop + plotHeight, stroke: marker.colour, width: 2,
                        dashed: true, className: "marker")
            canvas.text(marker.label, x: x + 3, y: plotTop - 16 + Double(index % 3) * 10, size: 10, fill: marker.colour,
                        bold: true, className: "marker-label")
        }
        canvas.text(xTitle, x: plotLeft + plotWidth / 2, y: plotTop + plotHeight + 32, anchor: "middle")
        canvas.text(yTitle, x: 12, y: plotTop + plotHeight / 2, anchor: "middle", rotate: -90)
        return canvas.render(label: label, className: "chart histogram")
    }
}
