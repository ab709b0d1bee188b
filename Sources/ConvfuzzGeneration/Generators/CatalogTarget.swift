/// What one class of case can aim at: a parameter (nil for an undeclared name) and the
/// details that apply to it. A relation target names its lower parameter and its `partner`.
public struct CatalogTarget: Sendable, Hashable, Codable {
    /// The targeted parameter.
    public var parameter: String?
    /// The upper parameter of a relation target.
    public var partner: String?
    /// The details that apply, in draw order.
    public var details: [String]

    /// Creates a target.
    public init(parameter: String?, partner: String? = nil, details: [String]) {
        self.parameter = parameter
        self.partner = partner
        self.details = details
    }
}
