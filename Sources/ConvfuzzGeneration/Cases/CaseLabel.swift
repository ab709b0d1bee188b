/// What a case was generated to exercise: its class, the parameter it targets and a detail.
public struct CaseLabel: Sendable, Codable, Hashable {
    /// The class.
    public var kind: CaseKind
    /// The targeted parameter, if any.
    public var parameter: String?
    /// A short detail such as `max+1`, `leading-zeros`, `unknown-op`.
    public var detail: String

    /// Creates a label.
    public init(kind: CaseKind, parameter: String? = nil, detail: String = "") {
        self.kind = kind
        self.parameter = parameter
        self.detail = detail
    }

    /// `kind/parameter/detail`, for coverage tables and signatures.
    public var key: String { [kind.rawValue, parameter ?? "-", detail].joined(separator: "/") }
}
