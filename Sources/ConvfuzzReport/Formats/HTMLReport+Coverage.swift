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

    // MARK: Over time

    /// The run's series over time (``RunStatistics/overTime``): one row per phase and `--explore` round with
    /// the requests sent, the seconds, the coverage cells hit and the findings and root-cause groups so far,
    /// so a team can see whether a longer budget still pays. Nothing when the result has no series.
    static func renderOverTime(_ page: inout Page) {
        let result = page.context.result
        guard let series = result.statistics.overTime, !series.isEmpty else { return }
        let allowed = result.coverageCells
        page.append("<section id=\"over-time\"><h2>Over time</h2>")
        page.append("<p class=\"muted\">After each phase and each <code>--explore</code> round: what the run had sent, covered "
                    + "and found. Cells and findings that stop growing mean a longer budget no longer pays; seconds are informational.</p>")
        page.append("<table class=\"data over-time\"><tr><th>after</th><th>requests</th><th>seconds</th>"
                    + "<th>cells\(allowed > 0 ? " of \(allowed)" : "")</th><th>findings</th><th>groups</th></tr>")
        for point in series {
            page.append("<tr><td>\(page.text(point.after))</td><td>\(point.requests)</td><td>\(String(format: "%.1f", point.seconds))</td>"
                        + "<td>\(point.coverageCells)</td><td>\(point.findings)</td><td>\(point.findingGroups)</td></tr>")
        }
        page.append("</table></section>")
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
