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
        var found: [(line: Int, path: String)] = []
        collectTodos(root, path: "spec", into: &found)
        if let first = found.first, found.count == 1 {
            throw SpecError(file: file, line: first.line,
                            message: "\(first.path) is a TODO left by `convfuzz spec import`: fill it in or remove the entry")
        }
        if let first = found.first {
            let each = found.map { "line \($0.line) \($0.path)" }.joined(separator: "; ")
            throw SpecError(file: file, line: first.line,
                            message: "\(found.count) TODOs left by `convfuzz spec import` (fill each in or remove the entry): \(each)")
        }
    }

    // MARK: Helpers

    private static func collectTodos(_ node: YAMLNode, path: String, into found: inout [(line: Int, path: String)]) {
        switch node {
        case .scalar(let text, let line, let quoted):
            if !quoted && isTodo(text) { found.append((line, path)) }
        case .sequence(let items, _):
            for (index, item) in items.enumerated() { collectTodos(item, path: "\(path)[\(index)]", into: &found) }
        case .mapping(let pairs, _):
            let name = pairs.first { $0.key == "name" || $0.key == "param" }.flatMap { pair -> String? in
                if case .scalar(let text, _, _) = pair.value { return text }
                return nil
            }
            let here = path == "spec" ? path : name.map { "\(path) ('\($0)')" } ?? path
            for pair in pairs {
                if isTodo(pair.key) {
                    found.append((pair.keyLine, here))
                    continue
                }
                collectTodos(pair.value, path: "\(here).\(pair.key)", into: &found)
            }
        }
    }

    private static func isTodo(_ text: String) -> Bool {
        guard text.hasPrefix(marker) else { return false }
        let rest = text.dropFirst(marker.count)
        return rest.isEmpty || rest.first == " " || rest.first == ":"
    }
}
