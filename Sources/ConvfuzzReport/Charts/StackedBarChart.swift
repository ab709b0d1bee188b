/// Vertical bars split into coloured segments, one per series, with a value axis and a legend.
struct StackedBarChart {
    /// One coloured series (e.g. a phase).
    struct Series {
        var name: String
        var colour: String
    }

    /// The series, bottom segment first.
    var series: [Series]
    /// One value per series for every bar.
    var bars: [[Int]]
    /// A label under every bar (only some are drawn when bars are narrow).
    var barLabels: [String]
    /// The tooltip of a bar's segment: bar index, series index, value.
    var tooltip: (Int, Int, Int) -> String
    /// What the horizontal axis shows.
    var xTitle: String
    /// What the vertical axis counts.
    var yTitle: String

    private let plotLeft = 52.0
    private let plotTop = 12.0
    private let plotWidth = 760.0
    private let plotHeight = 200.0

    /// The chart as an `<svg>` element.
    func render(label: String) -> String {
        let legendRows = (series.count + 4) / 5
        var canvas = SVGCanvas(width: plotLeft + plotWidth + 16, height: plotTop + plotHeight + 48 + Double(legendRows) * 18)
        let totals = bars.map { $0.reduce(0, +) }
        let scale = AxisScale(fitting: Double(totals.max() ?? 0))
        drawAxes(&canvas, scale: scale)
        let slot = plotWidth / Double(max(1, bars.count))
        let barWidth = max(1, slot * 0.8)
        let labelEvery = max(1, Int((48 / slot).rounded(.up)))
        for (index, values) in bars.enumerated() {
            let x = plotLeft + Double(index) * slot + (slot - barWidth) / 2
            var base = plotTop + plotHeight
            for (seriesIndex, value) in values.enumerated() where value > 0 {
                let height = Double(value) / scale.maximum * plotHeight
                base -= height
                canvas.rect(x: x, y: base, width: barWidth, height: height, fill: series[seriesIndex].colour,
                            className: "bar", title: tooltip(index, seriesIndex, value))
            }
            if index % labelEvery == 0, index < barLabels.count {
                canvas.text(barLabels[index], x: plotLeft + Double(index) * slot + slot / 2, y: plotTop + plotHeight + 14,
                            anchor: "middle", size: 10)
            }
        }
        canvas.text(xTitle, x: plotLeft + plotWidth / 2, y: plotTop + plotHeight + 30, anchor: "middle")
        for (index, entry) in series.enumerated() {
            let x = plotLeft + Double(index % 5) * 150
            let y = plotTop + plotHeight + 44 + Double(index / 5) * 18
            canvas.rect(x: x, y: y - 9, width: 10, height: 10, fill: entry.colour, className: "legend-swatch")
            canvas.text(entry.name, x: x + 14, y: y, size: 11, className: "legend")
        }
        return canvas.render(label: label, className: "chart stacked")
    }

    private func drawAxes(_ canvas: inout SVGCanvas, scale: AxisScale) {
        for tick in scale.ticks {
            let y = plotTop + plotHeight - tick / scale.maximum * plotHeight
            canvas.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y, stroke: ChartPalette.grid)
            canvas.text(AxisScale.label(tick), x: plotLeft - 6, y: y + 4, anchor: "end", size: 10)
        }
        canvas.line(x1: plotLeft, y1: plotTop + plotHeight, x2: plotLeft + plotWidth, y2: plotTop + plotHeight,
                    stroke: ChartPalette.axis)
        canvas.text(yTitle, x: 12, y: plotTop + plotHeight / 2, anchor: "middle", rotate: -90)
    }
}
