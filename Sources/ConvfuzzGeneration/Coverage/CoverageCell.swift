/// One cell of the coverage table: a parameter (or `-` for undeclared names) and a class.
///
/// The class is the `CaseKind` raw value, followed by `:detail` for boundary classes
/// (`boundary-outside:max+1`), or `valid` for a parameter sent in a case classified valid.
public struct CoverageCell: Sendable, Hashable, Codable, Comparable {
    /// The parameter.
    public var parameter: String
    /// The class.
    public var cellClass: String
    /// Cases that hit the cell.
    public var count: Int

    /// Creates a cell.
    public init(parameter: String, cellClass: String, count: Int = 0) {
        self.parameter = parameter
        self.cellClass = cellClass
        self.count = count
    }

    /// Orders by parameter, then class (bytes).
    public static func < (lhs: CoverageCell, rhs: CoverageCell) -> Bool {
        if lhs.parameter != rhs.parameter { return lhs.parameter.utf8.lexicographicallyPrecedes(rhs.parameter.utf8) }
        return lhs.cellClass.utf8.lexicographicallyPrecedes(rhs.cellClass.utf8)
    }

    enum CodingKeys: String, CodingKey {
        case parameter
        case cellClass = "class"
        case count
    }
}
