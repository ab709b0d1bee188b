/// One row of the coverage table: a parameter and how many cases hit each case class.
public struct CoverageRow: Sendable, Codable, Hashable {
    /// The parameter.
    public var parameter: String
    /// Case class → count, e.g. `boundary-outside/max+1` → 3.
    public var counts: [String: Int]

    /// Creates a row.
    public init(parameter: String, counts: [String: Int]) {
        self.parameter = parameter
        self.counts = counts
    }
}
