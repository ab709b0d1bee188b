/// A machine-readable description of one list endpoint: everything the engine knows about it.
public struct Spec: Sendable, Equatable {
    /// The spec's name.
    public var name: String
    /// The spec's revision label.
    public var revision: String
    /// The operation.
    public var endpoint: EndpointSpec
    /// Authentication.
    public var auth: AuthSpec
    /// Wire encoding and decoding.
    public var wire: WireSpec
    /// The integer grammar.
    public var integer: IntegerSpec
    /// Validation errors.
    public var errors: ErrorSpec
    /// Parameters in declaration order.
    public var parameters: [ParameterSpec]
    /// Mini-grammars by name.
    public var grammars: [String: GrammarSpec]
    /// Relations between parameters.
    public var relations: [RelationSpec]
    /// Filter meanings.
    public var filters: [FilterSpec]
    /// Response-shaping parameters.
    public var projections: [ProjectionSpec]
    /// Pagination.
    public var pagination: PaginationSpec
    /// The response contract.
    public var response: ResponseSpec
    /// Pools harvested from responses: pool name → item field.
    public var discoveryPools: [(pool: String, field: String)]
    /// Pools responses never show, each with where a user finds its values (`discovery.hidden`); `profile init`
    /// writes them as commented placeholders.
    public var hiddenPools: [(pool: String, hint: String)] = []
    /// The transport health gate's limit and the secret parameters (`health`, `secrets`).
    public var harness = HarnessSpec()
    /// A stable fingerprint of the spec's source text (FNV-1a 64, hex).
    public var fingerprint: String

    /// Creates a spec.
    public init(name: String, revision: String, endpoint: EndpointSpec, auth: AuthSpec, wire: WireSpec,
                integer: IntegerSpec, errors: ErrorSpec, parameters: [ParameterSpec], grammars: [String: GrammarSpec],
                relations: [RelationSpec], filters: [FilterSpec], projections: [ProjectionSpec],
                pagination: PaginationSpec, response: ResponseSpec, discoveryPools: [(pool: String, field: String)],
                fingerprint: String) {
        self.name = name
        self.revision = revision
        self.endpoint = endpoint
        self.auth = auth
        self.wire = wire
        self.integer = integer
        self.errors = errors
        self.parameters = parameters
        self.grammars = grammars
        self.relations = relations
        self.filters = filters
        self.projections = projections
        self.pagination = pagination
        self.response = response
        self.discoveryPools = discoveryPools
        self.fingerprint = fingerprint
    }

    /// The parameter with a wire name.
    public func parameter(named name: String) -> ParameterSpec? {
        parameters.first { $0.name == name }
    }

    /// The parameter with a role.
    public func parameter(withRole role: ParameterRole) -> ParameterSpec? {
        parameters.first { $0.role == role }
    }

    /// The filters on a parameter.
    public func filters(on param: String) -> [FilterSpec] {
        filters.filter { $0.param == param }
    }

    /// The projection of a parameter.
    public func projection(of param: String) -> ProjectionSpec? {
        projections.first { $0.param == param }
    }

    /// Structural equality (ignores nothing but tuple labels).
    public static func == (lhs: Spec, rhs: Spec) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.name == rhs.name && lhs.parameters == rhs.parameters
            && lhs.filters == rhs.filters && lhs.pagination == rhs.pagination && lhs.response == rhs.response
    }
}
