import ConvfuzzSpec

/// Counts generated cases per parameter × class and lists the gaps: cells the spec allows
/// (every catalog cell — each boundary class of an integer, enum violations of an enum,
/// grammar violations and edges of a grammar list, list shapes of a list … — plus `valid`
/// for every parameter) that no case hit.
public struct CoverageTable: Sendable {
    /// The allowed cells in display order.
    public let allowed: [CoverageCell]
    private let allowedSet: Set<CoverageCell>
    private var counts: [CoverageCell: Int] = [:]
    private var extra: [CoverageCell: Int] = [:]
    private let parameters: [String]
    /// Cases recorded.
    public private(set) var cases = 0

    /// A table for a spec's catalog.
    public init(spec: Spec) {
        let catalog = CaseCatalog(spec: spec)
        var allowed: [CoverageCell] = spec.parameters.map { CoverageCell(parameter: $0.name, cellClass: "valid") }
        for cell in catalog.cells {
            let key = CoverageCell(parameter: cell.parameter ?? "-", cellClass: Self.cellClass(cell.kind, cell.detail))
            if !allowed.contains(key) { allowed.append(key) }
        }
        let order = Dictionary(spec.parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.allowed = allowed.enumerated().sorted {
            let left = order[$0.element.parameter] ?? Int.max
            let right = order[$1.element.parameter] ?? Int.max
            return (left, $0.offset) < (right, $1.offset)
        }.map(\.element)
        allowedSet = Set(self.allowed)
        parameters = spec.parameters.map(\.name) + ["-"]
    }

    /// The class key of a label: the kind, with the detail for boundary classes.
    public static func cellClass(_ kind: CaseKind, _ detail: String) -> String {
        switch kind {
        case .boundaryAt, .boundaryInside, .boundaryOutside: return "\(kind.rawValue):\(detail)"
        default: return kind.rawValue
        }
    }

    /// Counts one case: its label's cell, and `valid` for each declared parameter of a valid case.
    public mutating func record(_ generated: GeneratedCase) {
        cases += 1
        let key = CoverageCell(parameter: generated.label.parameter ?? "-",
                               cellClass: Self.cellClass(generated.label.kind, generated.label.detail))
        bump(key)
        if generated.expectation.isSuccess {
            for name in generated.classification.query.parameterNames {
                bump(CoverageCell(parameter: name, cellClass: "valid"))
            }
        }
    }

    private mutating func bump(_ key: CoverageCell) {
        if allowedSet.contains(key) { counts[key, default: 0] += 1 } else { extra[key, default: 0] += 1 }
    }

    /// The count of a cell.
    public func count(parameter: String, cellClass: String) -> Int {
        let key = CoverageCell(parameter: parameter, cellClass: cellClass)
        return counts[key] ?? extra[key] ?? 0
    }

    /// The table as a value.
    public var report: CoverageReport {
        let cells = allowed.map { CoverageCell(parameter: $0.parameter, cellClass: $0.cellClass, count: counts[$0] ?? 0) }
        return CoverageReport(cases: cases, cells: cells, gaps: cells.filter { $0.count == 0 })
    }

    /// Allowed cells no case hit.
    public var gaps: [CoverageCell] { report.gaps }

    /// A text table: one row per parameter, one column per class, then the gaps.
    public func renderText() -> String {
        let report = report
        var classes: [String] = []
        for cell in report.cells where !classes.contains(cell.cellClass) { classes.append(cell.cellClass) }
        let grouped = Dictionary(grouping: report.cells, by: \.parameter)
        var lines = ["coverage: \(report.cases) cases, \(report.cells.count) cells, \(report.gaps.count) gaps"]
        for parameter in parameters {
            guard let cells = grouped[parameter] else { continue }
            let hit = cells.filter { $0.count > 0 }.count
            let row = classes.compactMap { cls in cells.first { $0.cellClass == cls }.map { "\(cls)=\($0.count)" } }
            lines.append("\(parameter) [\(hit)/\(cells.count)]: " + row.joined(separator: " "))
        }
        if !report.gaps.isEmpty {
            lines.append("gaps:")
            lines += report.gaps.map { "  \($0.parameter) \($0.cellClass)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
