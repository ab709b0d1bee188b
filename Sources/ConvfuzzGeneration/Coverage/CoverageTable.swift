import ConvfuzzSpec

/// Counts generated cases per parameter × class and lists the gaps: cells the spec allows
/// (every catalog cell — each boundary class of an integer, enum violations of an enum,
/// grammar violations and edges of a grammar list, list shapes of a list … — plus `valid`
/// for every parameter) that no case hit. A run's table also holds the page sizes every cursor
/// walk must be taken at (`walk:1`, `walk:2`, `walk:default`, `walk:max` on the page-size parameter)
/// and a `size-ladder` class on every parameter the spec gives a ``SizeLadder``.
public struct CoverageTable: Sendable {
    /// The allowed cells in display order.
    public let allowed: [CoverageCell]
    private let allowedSet: Set<CoverageCell>
    private var counts: [CoverageCell: Int] = [:]
    private var extra: [CoverageCell: Int] = [:]
    private let parameters: [String]
    /// Cases recorded.
    public private(set) var cases = 0

    private let walkSizes: [Int: [String]]
    private let pageSizeParam: String

    /// The class of a size ladder's steps.
    public static let sizeLadderClass = "size-ladder"

    /// A table for a spec's catalog; `walks` adds a run's classes: the walk page sizes and the size ladders.
    public init(spec: Spec, walks: Bool = false) {
        let catalog = CaseCatalog(spec: spec)
        var allowed: [CoverageCell] = spec.parameters.map { CoverageCell(parameter: $0.name, cellClass: "valid") }
        for cell in catalog.cells {
            let key = CoverageCell(parameter: cell.parameter ?? "-", cellClass: Self.cellClass(cell.kind, cell.detail))
            if !allowed.contains(key) { allowed.append(key) }
        }
        pageSizeParam = spec.pagination.pageSizeParam
        var sizes: [Int: [String]] = [:]
        if walks {
            for (name, size) in Self.walkPageSizes(spec) {
                sizes[size, default: []].append(name)
                allowed.append(CoverageCell(parameter: spec.pagination.pageSizeParam, cellClass: "walk:\(name)"))
            }
            for parameter in SizeLadder.parameters(spec) {
                allowed.append(CoverageCell(parameter: parameter.name, cellClass: Self.sizeLadderClass))
            }
        }
        walkSizes = sizes
        let order = Dictionary(spec.parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.allowed = allowed.enumerated().sorted {
            let left = order[$0.element.parameter] ?? Int.max
            let right = order[$1.element.parameter] ?? Int.max
            return (left, $0.offset) < (right, $1.offset)
        }.map(\.element)
        allowedSet = Set(self.allowed)
        parameters = spec.parameters.map(\.name) + ["-"]
    }

    /// The class key of a label: the kind, with the detail for boundary and neighbour classes and the
    /// family for adversarial ones (`adversarial:integer-spellings`, `adversarial:unicode`, …).
    public static func cellClass(_ kind: CaseKind, _ detail: String) -> String {
        switch kind {
        case .boundaryAt, .boundaryInside, .boundaryOutside, .neighbour: return "\(kind.rawValue):\(detail)"
        case .adversarial: return "\(kind.rawValue):\(AdversarialValues.family(of: detail))"
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

    /// The page sizes every run walks at, by class name: 1, 2, the default and the maximum
    /// (each within the declared maximum; a size that several names share is walked once).
    public static func walkPageSizes(_ spec: Spec) -> [(name: String, size: Int)] {
        let pagination = spec.pagination
        return [("1", 1), ("2", 2), ("default", pagination.defaultPageSize), ("max", pagination.maxPageSize)]
            .filter { $0.1 <= pagination.maxPageSize }
    }

    /// Counts one complete cursor walk at a page size.
    public mutating func recordWalk(pageSize: Int) {
        for name in walkSizes[pageSize] ?? [] { bump(CoverageCell(parameter: pageSizeParam, cellClass: "walk:\(name)")) }
    }

    /// Counts one step of a size ladder sent for `parameter`.
    public mutating func recordLadderStep(parameter: String) {
        bump(CoverageCell(parameter: parameter, cellClass: Self.sizeLadderClass))
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

    /// How many allowed cells were hit at least once (what a run's over-time series counts).
    public var coveredCells: Int { allowed.reduce(0) { $0 + ((counts[$1] ?? 0) > 0 ? 1 : 0) } }

    /// How many cells the spec allows.
    public var allowedCells: Int { allowed.count }

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
