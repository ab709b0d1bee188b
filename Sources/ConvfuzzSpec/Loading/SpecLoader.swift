import Foundation

/// Loads a spec document into a `Spec`, then lints it. Every problem is `file:line: message`.
public enum SpecLoader {
    /// The format version this loader reads.
    public static let formatVersion = "1"

    /// Loads a parsed spec document; `text` is its source (the spec's fingerprint), `file` names it in
    /// messages. `load(path:)` and `load(text:file:)` (`ConvfuzzSpecFiles`) parse the YAML first.
    public static func load(document: YAMLNode, text: String, file: String) throws(SpecError) -> Spec {
        try DraftCheck.check(document, file: file)
        let root = try MappingReader(document, file: file, path: "spec")
        try root.rejectUnknownKeys(["convfuzz_spec", "name", "revision", "endpoint", "auth", "wire", "integer",
                                    "errors", "parameters", "grammars", "relations", "filters", "projections",
                                    "pagination", "response", "error_schema", "discovery", "health", "secrets"])
        let version = try root.string("convfuzz_spec")
        guard version == formatVersion else {
            throw root.error("convfuzz_spec", "unsupported spec format version '\(version)' (this convfuzz reads \(formatVersion))")
        }
        let parameters = try loadParameters(root)
        let grammars = try loadGrammars(root)
        let schemas = try loadResponse(root)
        var spec = Spec(
            name: try root.string("name"),
            revision: try root.optionalString("revision") ?? "unversioned",
            endpoint: try loadEndpoint(root),
            auth: try loadAuth(root),
            wire: try loadWire(root),
            integer: try loadInteger(root),
            errors: try loadErrors(root),
            parameters: parameters,
            grammars: grammars,
            relations: try loadRelations(root),
            filters: try loadFilters(root),
            projections: try loadProjections(root),
            pagination: try loadPagination(root),
            response: schemas,
            discoveryPools: try loadDiscovery(root),
            fingerprint: Fingerprint.hex(text)
        )
        spec.hiddenPools = try loadHiddenPools(root, spec: spec)
        spec.harness = try loadHarness(root, parameters: parameters)
        try SpecLinter.lint(spec, file: file, lines: LineIndex(root: root))
        return spec
    }

    static func loadEndpoint(_ root: MappingReader) throws(SpecError) -> EndpointSpec {
        let reader = try root.requiredMapping("endpoint")
        try reader.rejectUnknownKeys(["method", "path"])
        let path = try reader.string("path")
        guard path.hasPrefix("/") else { throw reader.error("path", "endpoint.path must start with '/'") }
        return EndpointSpec(method: try reader.optionalString("method") ?? "GET", path: path)
    }

    static func loadAuth(_ root: MappingReader) throws(SpecError) -> AuthSpec {
        guard let reader = try root.mapping("auth") else {
            return AuthSpec(header: "authorization", env: "API_KEY", unauthorizedStatuses: [401, 403])
        }
        try reader.rejectUnknownKeys(["header", "env", "unauthorized_statuses", "refusal_schema", "tenancy"])
        let statuses = try statusList(reader, "unauthorized_statuses") ?? [401, 403]
        let refusal = try reader.node("refusal_schema").map { node throws(SpecError) in
            try loadSchema(node, file: root.file, path: "auth.refusal_schema")
        }
        return AuthSpec(header: try reader.string("header"), env: try reader.optionalString("env") ?? "API_KEY",
                        unauthorizedStatuses: statuses, refusalSchema: refusal, tenancy: try loadTenancy(reader),
                        lines: (reader.lineOf("header"), reader.lineOf("unauthorized_statuses")))
    }

    static func loadTenancy(_ auth: MappingReader) throws(SpecError) -> TenancySpec {
        guard let reader = try auth.mapping("tenancy") else { return TenancySpec(lines: (auth.line, auth.line)) }
        try reader.rejectUnknownKeys(["owner_param", "foreign_owner", "foreign_statuses", "foreign_cursor", "foreign_ids"])
        let statuses = try statusList(reader, "foreign_statuses")
        let foreign: TenancySpec.ForeignOwner
        switch try reader.optionalString("foreign_owner") ?? "empty" {
        case "empty":
            if statuses != nil {
                throw reader.error("foreign_statuses", "\(reader.path).foreign_statuses only applies with foreign_owner: refused")
            }
            foreign = .empty
        case "refused":
            foreign = .refused(statuses: statuses ?? [403, 404])
        case let other:
            throw reader.error("foreign_owner", "\(reader.path).foreign_owner has unknown value '\(other)' (allowed: empty, refused)")
        }
        return TenancySpec(ownerParam: try reader.optionalString("owner_param"), foreignOwner: foreign,
                           foreignCursor: try reader.choice("foreign_cursor", as: TenancySpec.ForeignCursor.self) ?? .lenient,
                           foreignIDs: try reader.choice("foreign_ids", as: TenancySpec.ForeignIDs.self) ?? .unchecked,
                           lines: (reader.lineOf("owner_param"), reader.lineOf("foreign_statuses")))
    }

    /// A list of HTTP statuses under `key`, or nil when absent.
    static func statusList(_ reader: MappingReader, _ key: String) throws(SpecError) -> [Int]? {
        try reader.stringList(key)?.map { text throws(SpecError) -> Int in
            guard let value = Int(text), (100...599).contains(value) else {
                throw reader.error(key, "\(reader.path).\(key) holds '\(text)', not an HTTP status")
            }
            return value
        }
    }

    static func loadWire(_ root: MappingReader) throws(SpecError) -> WireSpec {
        guard let reader = try root.mapping("wire") else { return WireSpec() }
        try reader.rejectUnknownKeys(["lists", "repeated_scalar", "unknown_parameters", "decoding"])
        if let lists = try reader.optionalString("lists"), lists != "repeated-keys" {
            throw reader.error("lists", "wire.lists '\(lists)' is not supported (only repeated-keys)")
        }
        var wire = WireSpec()
        wire.repeatedScalar = try reader.choice("repeated_scalar", as: WireSpec.RepeatedScalar.self) ?? .last
        wire.unknownParameters = try reader.choice("unknown_parameters", as: WireSpec.UnknownParameters.self) ?? .ignore
        if let decoding = try reader.mapping("decoding") {
            try decoding.rejectUnknownKeys(["plus_is_space", "invalid_percent", "invalid_utf8", "blank_values", "raw_bytes"])
            wire.plusIsSpace = try decoding.bool("plus_is_space", default: true)
            wire.invalidPercentLiteral = try decoding.enumerated("invalid_percent", ["literal": true, "reject": false]) ?? true
            wire.invalidUTF8Replace = try decoding.enumerated("invalid_utf8", ["replace": true, "reject": false]) ?? true
            wire.keepBlankValues = try decoding.enumerated("blank_values", ["keep": true, "drop": false]) ?? true
            wire.rawBytesLatin1 = try decoding.enumerated("raw_bytes", ["latin1": true, "utf8": false]) ?? true
        }
        return wire
    }

    static func loadInteger(_ root: MappingReader) throws(SpecError) -> IntegerSpec {
        guard let reader = try root.mapping("integer") else { return IntegerSpec() }
        try reader.rejectUnknownKeys(["pattern", "minimum", "maximum"])
        let pattern = try reader.optionalString("pattern") ?? "^[+-]?[0-9]+$"
        try PatternCheck.validate(pattern, reader: reader, key: "pattern")
        return IntegerSpec(pattern: pattern, minimum: try reader.optionalInt64("minimum") ?? .min,
                           maximum: try reader.optionalInt64("maximum") ?? .max)
    }

    static func loadErrors(_ root: MappingReader) throws(SpecError) -> ErrorSpec {
        guard let reader = try root.mapping("errors") else { return ErrorSpec() }
        try reader.rejectUnknownKeys(["validation_status", "body", "loc_prefix", "server_error_floor",
                                      "request_limit_statuses", "request_limit_floor", "media_type"])
        if let body = try reader.optionalString("body"), body != "detail-list" {
            throw reader.error("body", "errors.body '\(body)' is not supported (only detail-list)")
        }
        let limitStatuses = try (reader.stringList("request_limit_statuses") ?? ["413", "414", "431"]).map { text throws(SpecError) -> Int in
            guard let value = Int(text), (400...499).contains(value) else {
                throw reader.error("request_limit_statuses", "errors.request_limit_statuses holds '\(text)', not a 4xx status")
            }
            return value
        }
        return ErrorSpec(validationStatus: try reader.optionalInt("validation_status") ?? 422,
                         locPrefix: try reader.optionalString("loc_prefix") ?? "query",
                         serverErrorFloor: try reader.optionalInt("server_error_floor") ?? 500,
                         requestLimitStatuses: limitStatuses,
                         requestLimitFloor: try reader.optionalInt("request_limit_floor") ?? 8192,
                         mediaType: (try reader.optionalString("media_type") ?? "application/json").lowercased())
    }

    static func loadDiscovery(_ root: MappingReader) throws(SpecError) -> [(pool: String, field: String)] {
        guard let reader = try root.mapping("discovery") else { return [] }
        try reader.rejectUnknownKeys(["pools", "hidden"])
        return (try reader.stringMap("pools") ?? []).map { ($0.key, $0.value) }
    }

    /// `discovery.hidden`: pool name → where to find its values. Each must be a pool some parameter or grammar
    /// field draws from, and not one the discovery walk harvests.
    static func loadHiddenPools(_ root: MappingReader, spec: Spec) throws(SpecError) -> [(pool: String, hint: String)] {
        guard let reader = try root.mapping("discovery"), let entries = try reader.stringMap("hidden") else { return [] }
        var used = Set(spec.parameters.compactMap(\.valuePool))
        for grammar in spec.grammars.values { used.formUnion(grammar.fields.compactMap(\.pool)) }
        let harvested = Set(spec.discoveryPools.map(\.pool))
        for entry in entries {
            guard used.contains(entry.key) else {
                throw SpecError(file: reader.file, line: entry.line,
                                message: "discovery.hidden.\(entry.key) is not a pool any parameter or grammar field uses")
            }
            guard !harvested.contains(entry.key) else {
                throw SpecError(file: reader.file, line: entry.line,
                                message: "discovery.hidden.\(entry.key) is also in discovery.pools (harvested, so not hidden)")
            }
        }
        return entries.map { ($0.key, $0.value) }
    }
}

extension MappingReader {
    /// A value mapped through a closed table of spellings.
    func enumerated<T>(_ key: String, _ table: [String: T]) throws(SpecError) -> T? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = table[text] else {
            throw error(key, "\(path).\(key) has unknown value '\(text)' (allowed: \(table.keys.sorted().joined(separator: ", ")))")
        }
        return value
    }
}
