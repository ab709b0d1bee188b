/// How a spec and an OpenAPI operation differ: what one declares and the other lacks.
public struct SpecDrift: Sendable, Equatable {
    /// Enum values one side has for a parameter or response field and the other lacks.
    public struct EnumDrift: Sendable, Equatable {
        /// `parameter NAME` or `response field PATH`.
        public var subject: String
        /// Values in the document, not in the spec.
        public var documentOnly: [String]
        /// Values in the spec, not in the document.
        public var specOnly: [String]
    }

    /// One attribute (type, bound, default, deprecation, item count) of a shared parameter that differs.
    public struct AttributeDrift: Sendable, Equatable {
        /// The parameter.
        public var parameter: String
        /// `type`, `minimum`, `maximum`, `default`, `deprecated`, `max_items`.
        public var attribute: String
        /// The spec's value, or nil when it has none.
        public var spec: String?
        /// The document's value, or nil when it has none.
        public var document: String?
    }

    /// Query parameters in the document, not in the spec (document order).
    public var documentOnlyParameters: [String] = []
    /// Parameters in the spec, not in the document (spec order).
    public var specOnlyParameters: [String] = []
    /// Enum differences of shared parameters and response fields.
    public var enums: [EnumDrift] = []
    /// Other differences of shared parameters.
    public var attributes: [AttributeDrift] = []
    /// Response fields (paths like `items[].field`) in the document, not in the spec.
    public var documentOnlyFields: [String] = []
    /// Response fields in the spec, not in the document.
    public var specOnlyFields: [String] = []

    /// True when the two agree on everything compared.
    public var isEmpty: Bool {
        documentOnlyParameters.isEmpty && specOnlyParameters.isEmpty && enums.isEmpty && attributes.isEmpty
            && documentOnlyFields.isEmpty && specOnlyFields.isEmpty
    }

    // MARK: Rendering

    /// The human-readable report, one finding per line under a heading per kind.
    public func render(spec: String, document: String, operation: String) -> String {
        var lines = ["spec diff: \(spec) vs \(document) (\(operation))"]
        if isEmpty {
            lines.append("no drift: the spec and the document declare the same parameters, enum values and response fields")
            return lines.joined(separator: "\n") + "\n"
        }
        func section(_ title: String, _ names: [String]) {
            guard !names.isEmpty else { return }
            lines.append("\(title) (\(names.count)):")
            for name in names { lines.append("  + \(name)") }
        }
        section("parameters in the document, not in the spec", documentOnlyParameters)
        section("parameters in the spec, not in the document", specOnlyParameters)
        if !enums.isEmpty {
            lines.append("enum values that differ (\(enums.count)):")
            for drift in enums {
                var parts: [String] = []
                if !drift.documentOnly.isEmpty { parts.append("document only: " + drift.documentOnly.joined(separator: ", ")) }
                if !drift.specOnly.isEmpty { parts.append("spec only: " + drift.specOnly.joined(separator: ", ")) }
                lines.append("  ~ \(drift.subject): " + parts.joined(separator: "; "))
            }
        }
        if !attributes.isEmpty {
            lines.append("parameter attributes that differ (\(attributes.count)):")
            for drift in attributes {
                lines.append("  ~ \(drift.parameter).\(drift.attribute): spec \(drift.spec ?? "none"), document \(drift.document ?? "none")")
            }
        }
        section("response fields in the document, not in the spec", documentOnlyFields)
        section("response fields in the spec, not in the document", specOnlyFields)
        return lines.joined(separator: "\n") + "\n"
    }
}
