/// One (class, target, detail) combination the spec allows, with the choice prefix that selects it.
public struct CatalogCell: Sendable, Hashable, Codable {
    /// The class.
    public var kind: CaseKind
    /// The targeted parameter, if any.
    public var parameter: String?
    /// The detail.
    public var detail: String
    /// The first three choices (class index, target index, detail index).
    public var prefix: [UInt64]

    /// Creates a cell.
    public init(kind: CaseKind, parameter: String?, detail: String, prefix: [UInt64]) {
        self.kind = kind
        self.parameter = parameter
        self.detail = detail
        self.prefix = prefix
    }
}
