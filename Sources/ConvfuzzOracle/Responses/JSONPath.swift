/// A location inside a JSON document, printed like `items[3].field`.
public struct JSONPath: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable, Codable {
        /// A declared object property.
        case key(String)
        /// An array index.
        case index(Int)
        /// A key of a map-like object (its schema is `additional`).
        case mapKey(String)
    }

    /// The steps from the root.
    public var components: [Component]

    /// The root.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// `items[3].field`; the root prints as `$`.
    public var description: String { render(normalised: false) }

    /// The path with indices as `[]` and map keys as `*`: `items[].map.*`.
    public var normalised: String { render(normalised: true) }

    func render(normalised: Bool) -> String {
        var out = ""
        for component in components {
            switch component {
            case .key(let name):
                out += out.isEmpty ? name : "." + name
            case .mapKey(let name):
                let shown = normalised ? "*" : name
                out += out.isEmpty ? shown : "." + shown
            case .index(let index):
                out += normalised ? "[]" : "[\(index)]"
            }
        }
        return out.isEmpty ? "$" : out
    }
}
