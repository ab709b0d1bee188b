import Foundation

/// A grid of rows × columns whose cells are shaded by count (log scale), with cells that
/// should have been hit but were not marked as gaps, and cells that do not apply left pale.
struct HeatmapChart {
    /// What one cell holds.
    enum Cell: Equatable {
        /// Hit this many times.
        case count(Int)
        /// Allowed but never hit.
        case gap
        /// Neither hit nor expected.
        case none
    }

    /// Row labels, top to bottom.
    var rows: [String]
    /// Column labels, left to right.
    var columns: [String]
    /// `cells[row][column]`.
    var cells: [[Cell]]

    private let cellWidth = 30.0
    private let cellHeight = 20.0
    private let labelWidth = 230.0
    private let headerHeight = 150.0

    /// The chart as an `<svg>` element.
    func render(label: String) -> String {
        let width = max(780, labelWidth + Double(columns.count) * cellWidth + 130)
        var canvas = SVGCanvas(width: width, height: headerHeight + Double(rows.count) * cellHeight + 34)
        let peak = cells.joined().compactMap { cell -> Int? in if case .count(let n) = cell { return n } else { return nil } }.max() ?? 1
        for (index, column) in columns.enumerated() {
            let x = labelWidth + Double(index) * cellWidth + cellWidth / 2
            canvas.text(column, x: x + 3, y: headerHeight - 6, size: 10, rotate: -60, className: "column-label")
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = headerHeight + Double(rowIndex) * cellHeight
            canvas.text(row, x: labelWidth - 8, y: y + cellHeight * 0.7, anchor: "end", size: 11, className: "row-label")
            for (columnIndex, cell) in cells[rowIndex].enumerated() {
                let x = labelWidth + Double(columnIndex) * cellWidth
                let where_ = "\(row) × \(columns[columnIndex])"
                switch cell {
                case .count(let count):
                    let fraction = log(Double(count) + 1) / log(Double(peak) + 1)
                    canvas.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, fill: ChartPalette.heat(fraction),
                                className: "cell hit", title: "\(where_): \(count) case(s)")
                    canvas.text(count > 999 ? "1k+" : String(count), x: x + cellWidth / 2, y: y + cellHeight * 0.68,
                                anchor: "middle", size: 9, fill: fraction > 0.55 ? "#fff" : "#123")
                case .gap:
                    canvas.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, fill: "#fff",
                                className: "cell gap", title: "\(where_): gap (allowed by the spec, hit by no case)",
                                stroke: ChartPalette.gap)
                    canvas.text("✕", x: x + cellWidth / 2, y: y + cellHeight * 0.7, anchor: "middle", size: 11,
                                fill: ChartPalette.gap, bold: true, className: "gap-mark")
                case .none:
                    canvas.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, fill: ChartPalette.empty,
                                className: "cell none", title: "\(where_): not applicable")
                }
            }
        }
        let legendY = headerHeight + Double(rows.count) * cellHeight + 20
        canvas.rect(x: labelWidth, y: legendY - 10, width: 12, height: 12, fill: ChartPalette.heat(0.2))
        canvas.rect(x: labelWidth + 14, y: legendY - 10, width: 12, height: 12, fill: ChartPalette.heat(1))
        canvas.text("cases (log scale, darkest = \(peak))", x: labelWidth + 32, y: legendY, size: 11)
        canvas.text("✕ gap: allowed by the spec, hit by no case", x: labelWidth + 260, y: legendY, size: 11,
                    fill: ChartPalette.gap)
        return canvas.render(label: label, className: "chart heatmap")
    }
}
