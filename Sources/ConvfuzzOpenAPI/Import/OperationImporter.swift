import ConvfuzzSpec
import OpenAPIKit

/// Reads one operation of a document into an `ImportedOperation`.
public enum OperationImporter {
    // MARK: Importing

    /// Imports the operation at `path` with `method` (case-insensitive) from `document`.
    public static func importOperation(from loaded: OpenAPIDocumentLoader.Loaded, file: String, path: String,
                                       method: String = "GET") throws(OpenAPIImportError) -> ImportedOperation {
        let document = loaded.document
        let (pathItem, operation) = try locate(document, file: file, path: path, method: method)
        let components = document.components
        var notes: [String] = []

        // Path-level parameters apply unless the operation redefines one (same name and location).
        let operationParameters = operation.parameters.compactMap { components[$0] }
        var all = operationParameters
        for parameter in pathItem.parameters.compactMap({ components[$0] })
        where !operationParameters.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
            all.append(parameter)
        }

        let wanted = path.hasPrefix("/") ? path : "/" + path
        let importer = ParameterImporter(components: components) { parameter in
            loaded.siblings.keywords(path: wanted, method: method, location: parameter.location.rawValue, name: parameter.name)
        }
        var parameters: [ParameterSpec] = []
        var headerKeyParameter: String?
        for parameter in all {
            switch parameter.location {
            case .query:
                if let spec = importer.convert(parameter, notes: &notes) { parameters.append(spec) }
            case .header:
                if headerKeyParameter == nil, Self.looksLikeKeyHeader(parameter.name) { headerKeyParameter = parameter.name }
            case .path:
                notes.append("path parameter '\(parameter.name)' is not a query parameter; convfuzz tests one concrete path, left out")
            default:
                notes.append("\(parameter.location.rawValue) parameter '\(parameter.name)' left out")
            }
        }

        var responseImporter = ResponseSchemaImporter(components: components)
        var successStatus = 200
        var responseSchema: SchemaNode?
        var validationStatus: Int?
        for (code, entry) in operation.responses {
            guard let status = Int(code.rawValue) else { continue }
            let response = components[entry]
            if (200...299).contains(status), responseSchema == nil {
                let entry = response?.content.first(where: { $0.key.rawValue.lowercased().contains("json") })?.value
                let json: OpenAPI.Content? = entry.flatMap { components[$0] }
                if let schema = json?.schema {
                    successStatus = status
                    responseSchema = responseImporter.node(schema)
                }
            }
            if validationStatus == nil, status == 422 || status == 400 { validationStatus = status }
        }
        if responseSchema == nil { notes.append("no 2xx JSON response schema in the document") }
        var definitions = responseImporter.definitions
        // The body itself is written out (the spec reads pagination fields from it), not left as a ref.
        if let root = responseSchema, let name = root.ref, let body = definitions.first(where: { $0.name == name })?.schema {
            responseSchema = body
            if !definitions.contains(where: { Self.refers(to: name, $0.schema) }) {
                definitions.removeAll { $0.name == name }
            }
        }

        let schemeHeader = Self.securityHeader(document: document, operation: operation)
        if let schemeHeader, let headerKeyParameter, schemeHeader != headerKeyParameter {
            notes.append("security scheme header '\(schemeHeader)' differs from header parameter '\(headerKeyParameter)'; the scheme is used")
        }
        return ImportedOperation(
            file: file, method: method.uppercased(), path: path, operationID: operation.operationId,
            documentVersion: document.info.version, parameters: parameters,
            authHeader: schemeHeader ?? headerKeyParameter, successStatus: successStatus,
            responseSchema: responseSchema, definitions: definitions,
            validationStatus: validationStatus, notes: notes)
    }

    // MARK: Helpers

    private static func locate(_ document: OpenAPI.Document, file: String, path: String,
                               method: String) throws(OpenAPIImportError) -> (OpenAPI.PathItem, OpenAPI.Operation) {
        let wanted = path.hasPrefix("/") ? path : "/" + path
        guard let entry = document.paths.first(where: { $0.key == OpenAPI.Path(rawValue: wanted) }),
              let pathItem = document.components[entry.value] else {
            let known = document.paths.keys.map(\.rawValue).prefix(8).joined(separator: ", ")
            throw OpenAPIImportError(file: file, message: "no path '\(wanted)' in the document (paths: \(known.isEmpty ? "none" : known))")
        }
        let verb = OpenAPI.HttpMethod(rawValue: method.uppercased()) ?? OpenAPI.HttpMethod(rawValue: method)
        guard let verb, let operation = pathItem.for(verb) else {
            let methods = pathItem.endpoints.map { $0.method.rawValue.uppercased() }.joined(separator: ", ")
            throw OpenAPIImportError(file: file, message: "path '\(wanted)' has no \(method.uppercased()) operation (it has: \(methods.isEmpty ? "none" : methods))")
        }
        return (pathItem, operation)
    }

    /// The header of the first API-key security scheme in a header that applies to the operation.
    private static func securityHeader(document: OpenAPI.Document, operation: OpenAPI.Operation) -> String? {
        let requirements = operation.security ?? document.security
        var candidates: [OpenAPI.SecurityScheme] = []
        for requirement in requirements {
            for (reference, _) in requirement {
                if let scheme = document.components[reference] { candidates.append(scheme) }
            }
        }
        if candidates.isEmpty {
            candidates = document.components.securitySchemes.values.compactMap { document.components[$0] }
        }
        for scheme in candidates {
            if case .apiKey(let name, let location) = scheme.type, location == .header { return name }
        }
        return nil
    }

    private static func refers(to name: String, _ node: SchemaNode) -> Bool {
        if node.ref == name { return true }
        if node.properties.contains(where: { refers(to: name, $0.schema) }) { return true }
        return [node.items, node.additional].compactMap { $0 }.contains { refers(to: name, $0) }
    }

    private static func looksLikeKeyHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "authorization" || lower.contains("api-key") || lower.contains("apikey")
            || lower.contains("api_key") || lower.contains("token")
    }
}

extension OperationImporter {
    /// Loads the document at `file` and imports the operation at `path` with `method`.
    public static func importOperation(file: String, path: String, method: String = "GET") throws(OpenAPIImportError) -> ImportedOperation {
        let loaded = try OpenAPIDocumentLoader.load(path: file)
        return try importOperation(from: loaded, file: file, path: path, method: method)
    }
}
