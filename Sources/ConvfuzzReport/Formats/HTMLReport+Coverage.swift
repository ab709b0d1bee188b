import ConvfuzzResults

extension HTMLReport {
    // MARK: Coverage

    /// The coverage table as a heatmap: one row per parameter, one column per case class.
    static func renderCoverage(_ page: inout Page) {
        let result = page.context.result
        let heatmap = coverageHeatmap(rows: result.coverageRows, gaps: result.coverageGaps)
        page.append("<section id=\"coverage\"><h2>Coverage: parameter × case class</h2>")
        if heatmap.rows.isEmpty {
            page.append("<p class=\"none\">No generated cases were recorded.</p>")
        } else {
            let hit = heatmap.cells.joined().filter { if case .count = $0 { return true } else { return false } }.count
            page.append("<p class=\"muted\">\(heatmap.rows.count) parameters × \(heatmap.columns.count) case classes: \(hit) cells hit, \(result.coverageGaps.count) gap(s).</p>")
            page.append("<div class=\"chart-wrap\">\(heatmap.render(label: "Coverage heatmap: cases per parameter and case class; gaps marked"))</div>")
        }
        if !result.coverageGaps.isEmpty {
            page.append("<details class=\"gaps\" open><summary>Gaps (\(result.coverageGaps.count)): allowed by the spec, hit by no case</summary><ul>")
            for gap in result.coverageGaps { page.append("<li><code>\(page.text(gap))</code></li>") }
            page.append("</ul></details>")
        }
        page.append("</section>")
    }

    /// The heatmap of coverage rows and gaps (`parameter × class` texts).
    static func coverageHeatmap(rows: [CoverageRow], gaps: [String]) -> HeatmapChart {
        var gapCells: [String: Set<String>] = [:]
        for gap in gaps {
            guard let range = gap.range(of: " × ") else { continue }
            gapCells[String(gap[..<range.lowerBound]), default: []].insert(String(gap[range.upperBound...]))
        }
        var counts: [String: [String: Int]] = [:]
        for row in rows { counts[row.parameter, default: [:]].merge(row.counts) { $0 + $1 } }
        let parameters = Set(counts.keys).union(gapCells.keys).sorted()
        var classSet = Set<String>()
        for row in counts.values { classSet.formUnion(row.keys) }
        for cellClasses in gapCells.values { classSet.formUnion(cellClasses) }
        let classes = classSet.sorted(by: classOrder)
        let cells = parameters.map { parameter in
            classes.map { cellClass -> HeatmapChart.Cell in
                if let count = counts[parameter]?[cellClass], count > 0 { return .count(count) }
                return gapCells[parameter]?.contains(cellClass) == true ? .gap : .none
            }
        }
        return HeatmapChart(rows: parameters, columns: classes, cells: cells)
    }

    /// `valid` first, then the other classes by name.
    private static func classOrder(_ lhs: String, _ rhs: String) -> Bool {
        let lhsValid = lhs == "valid"
        let rhsValid = rhs == "valid"
        if lhsValid != rhsValid { return lhsValid }
        return lhs < rhs
    }
}
