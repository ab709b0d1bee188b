import ConvfuzzJSON
import ConvfuzzSpec

/// Where a validation error body lists its problems and each problem's location,
/// derived from the spec's `error_schema`: the first array of objects whose items
/// declare an array-of-strings property (the `loc`).
public struct ErrorLocator: Sendable, Hashable {
    /// Object keys from the root to the problem list.
    public var listPath: [String]
    /// The property of each problem holding its location.
    public var locField: String

    /// Creates a locator explicitly.
    public init(listPath: [String], locField: String) {
        self.listPath = listPath
        self.locField = locField
    }

    /// Derives the locator from a response spec's error schema; nil when it has no such shape.
    public init?(response: ResponseSpec) {
        guard let found = Self.search(response.errorSchema, path: [], response: response, depth: 0) else { return nil }
        self = found
    }

    /// Every location array in a body (empty when the body has another shape).
    public func locs(in body: JSONValue) -> [[JSONValue]] {
        var current: JSONValue? = body
        for key in listPath { current = current?[key] }
        return (current?.arrayValue ?? []).compactMap { $0[locField]?.arrayValue }
    }

    private static func search(_ raw: SchemaNode, path: [String], response: ResponseSpec, depth: Int) -> ErrorLocator? {
        guard depth < 8 else { return nil }
        let node = response.resolve(raw)
        for (name, child) in node.properties {
            let resolved = response.resolve(child)
            if resolved.types.contains(.array), let items = resolved.items.map(response.resolve) {
                let loc = items.properties.first { property in
                    let schema = response.resolve(property.schema)
                    let inner = schema.items.map(response.resolve)
                    return schema.types.contains(.array) && (inner?.types.contains(.string) ?? false)
                }
                if let loc { return ErrorLocator(listPath: path + [name], locField: loc.name) }
            }
            if resolved.types.contains(.object) || !resolved.properties.isEmpty,
               let found = search(resolved, path: path + [name], response: response, depth: depth + 1) {
                return found
            }
        }
        return nil
    }
}
