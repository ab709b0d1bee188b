/// The coverage table as a value: every allowed cell with its count, and the gaps.
public struct CoverageReport: Sendable, Hashable, Codable {
    /// Cases counted.
    public var cases: Int
    /// Every allowed cell (spec order of parameters, then class order), with counts.
    public var cells: [CoverageCell]
    /// Allowed cells no case hit, in the same order.
    public var gaps: [CoverageCell]

    /// Creates a report.
    public init(cases: Int, cells: [CoverageCell], gaps: [CoverageCell]) {
        self.cases = cases
        self.cells = cells
        self.gaps = gaps
    }
}
