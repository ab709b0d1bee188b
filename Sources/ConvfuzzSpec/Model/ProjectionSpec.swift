/// A parameter that shapes items without changing which items are returned.
public struct ProjectionSpec: Sendable, Equatable {
    /// How the keys of a per-id map relate to the requested ids.
    public enum KeysRule: String, Sendable, CaseIterable, Codable {
        /// Absent without the parameter; with it, the map's keys are a subset of the requested ids.
        case requestedSubset = "requested_subset"
    }

    /// The shaping parameter.
    public var param: String
    /// The item field it shapes.
    public var field: String
    /// Per parameter value, the rule for the field. The default value applies when omitted.
    public var when: [String: ProjectionRule]
    /// For per-id maps: how keys relate to requested ids.
    public var keys: KeysRule?
    /// The line in the spec file.
    public var line: Int

    /// Creates a projection.
    public init(param: String, field: String, when: [String: ProjectionRule] = [:], keys: KeysRule? = nil, line: Int = 0) {
        self.param = param
        self.field = field
        self.when = when
        self.keys = keys
        self.line = line
    }
}
