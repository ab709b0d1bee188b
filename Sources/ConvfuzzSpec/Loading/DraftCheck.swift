/// Rejects files that are not finished specs: OpenAPI documents, and drafts with `TODO` entries left.
///
/// Runs on the parsed YAML before any section is read, so the user gets this message rather than
/// `unknown key 'openapi'` or a type error about a `TODO` value.
enum DraftCheck {
    /// The marker `convfuzz spec import` leaves where OpenAPI cannot say what to write.
    static let marker = "TODO"

    // MARK: Checking

    /// Throws when `root` is an OpenAPI document or holds an unfilled `TODO`.
    static func check(_ root: YAMLNode, file: String) throws(SpecError) {
        if case .mapping(let pairs, _) = root, !pairs.contains(where: { $0.key == "convfuzz_spec" }),
           let version = pairs.first(where: { $0.key == "openapi" || $0.key == "swagger" }) {
            throw SpecError(file: file, line: version.keyLine,
                            message: "this is an OpenAPI document, not a convfuzz spec; draft a spec from it with `convfuzz spec import \(file) --path PATH`, or compare a spec with it using `convfuzz spec diff SPEC \(file)`")
        }
        if let found = firstTodo(root, path: "spec") {
            throw SpecError(file: file, line: found.line,
                            message: "\(found.path) is a TODO left by `convfuzz spec import`: fill it in or remove the entry")
        }
    }

    // MARK: Helpers

    private static func firstTodo(_ node: YAMLNode, path: String) -> (line: Int, path: String)? {
        switch node {
        case .scalar(let text, let line, let quoted):
            return !quoted && isTodo(text) ? (line, path) : nil
        case .sequence(let items, _):
            for (index, item) in items.enumerated() {
                if let found = firstTodo(item, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case .mapping(let pairs, _):
            let name = pairs.first { $0.key == "name" || $0.key == "param" }.flatMap { pair -> String? in
                if case .scalar(let text, _, _) = pair.value { return text }
                return nil
            }
            let here = path == "spec" ? path : name.map { "\(path) ('\($0)')" } ?? path
            for pair in pairs {
                if isTodo(pair.key) { return (pair.keyLine, here) }
                if let found = firstTodo(pair.value, path: "\(here).\(pair.key)") { return found }
            }
            return nil
        }
    }

    private static func isTodo(_ text: String) -> Bool {
        guard text.hasPrefix(marker) else { return false }
        let rest = text.dropFirst(marker.count)
        return rest.isEmpty || rest.first == " " || rest.first == ":"
    }
}
