import ConvfuzzSpec

/// Writes a draft spec (`convfuzz_spec: 1`) for an imported operation.
///
/// What the document states is written as it is. Pagination plumbing is guessed from names.
/// What OpenAPI cannot say (what a filter means, grammars of structured values, the order,
/// relations) is written as `TODO` entries, which `SpecLoader` rejects with `file:line` until
/// each is filled in or removed.
public enum SpecDraftWriter {
    /// The marker the draft leaves where a person must decide.
    public static let todo = "TODO"

    // MARK: Writing

    /// The draft's YAML text.
    public static func draft(_ operation: ImportedOperation) -> String {
        let guess = PaginationGuess(operation)
        var lines: [String] = []
        header(operation, into: &lines)
        lines.append("convfuzz_spec: 1")
        lines.append("name: \(YAMLText.scalar(name(operation)))")
        lines.append("revision: \(YAMLText.scalar("openapi-" + operation.documentVersion))")
        lines.append("")
        lines.append("endpoint:")
        lines.append("  method: \(operation.method)")
        lines.append("  path: \(YAMLText.scalar(operation.path))")
        if let header = operation.authHeader {
            lines.append("")
            lines.append("auth:")
            lines.append("  header: \(YAMLText.scalar(header))")
            lines.append("  env: API_KEY                 # the environment variable holding the key")
        }
        lines.append("")
        lines.append("wire:")
        lines.append("  lists: repeated-keys          # OpenAPI's default for query arrays (form, explode)")
        if let status = operation.validationStatus {
            lines.append("")
            lines.append("errors:")
            lines.append("  validation_status: \(status)")
        }
        parameters(operation, guess: guess, into: &lines)
        todoSections(operation, guess: guess, into: &lines)
        pagination(operation, guess: guess, into: &lines)
        response(operation, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private static func header(_ operation: ImportedOperation, into lines: inout [String]) {
        lines.append("# convfuzz spec DRAFT, written by `convfuzz spec import` from \(operation.file)")
        lines.append("# (\(operation.method) \(operation.path)). Format: docs/spec-format.md.")
        lines.append("# Parameters, the response schema and the auth header are what the document states.")
        lines.append("# Pagination fields are guessed from their names: check them.")
        lines.append("# Every TODO is something OpenAPI cannot say (what a filter means, grammars of structured")
        lines.append("# values, the order, relations). `convfuzz spec lint` rejects this file, naming the line,")
        lines.append("# until each TODO is filled in or its entry removed.")
        if !operation.notes.isEmpty {
            lines.append("# Import notes:")
            for note in operation.notes { lines.append("#   - \(note)") }
        }
    }

    private static func parameters(_ operation: ImportedOperation, guess: PaginationGuess, into lines: inout [String]) {
        lines.append("")
        lines.append("parameters:")
        for parameter in operation.parameters {
            lines.append("  - name: \(YAMLText.scalar(parameter.name))")
            lines.append("    type: \(parameter.type.rawValue)")
            if !parameter.values.isEmpty { lines.append("    values: \(YAMLText.list(parameter.values))") }
            if let minimum = parameter.minimum { lines.append("    minimum: \(minimum)") }
            if let maximum = parameter.maximum { lines.append("    maximum: \(maximum)") }
            if let value = parameter.defaultValue, parameter.type != .list {
                let plain = parameter.type == .integer || parameter.type == .boolean
                lines.append("    default: \(plain ? value : YAMLText.scalar(value))")
            }
            if let items = parameter.items {
                var parts = ["type: \(items.type.rawValue)"]
                if !items.values.isEmpty { parts.append("values: \(YAMLText.list(items.values))") }
                if let minimum = items.minimum { parts.append("minimum: \(minimum)") }
                if let maximum = items.maximum { parts.append("maximum: \(maximum)") }
                lines.append("    items: {\(parts.joined(separator: ", "))}")
            }
            if let maxItems = parameter.maxItems { lines.append("    max_items: \(maxItems)") }
            if let role = role(of: parameter.name, guess: guess) { lines.append("    role: \(role.rawValue)") }
            if parameter.deprecated { lines.append("    deprecated: true") }
            if let summary = parameter.summary, !summary.isEmpty {
                lines.append("    description: \(YAMLText.scalar(summary))")
            }
        }
    }

    private static func todoSections(_ operation: ImportedOperation, guess: PaginationGuess, into lines: inout [String]) {
        lines.append("")
        lines.append("grammars:")
        lines.append("  # Structured string values (e.g. `id:op:value` items) need a grammar; see docs/spec-format.md.")
        lines.append("  \(todo): name each grammar here and point the parameter's items at it, or remove this section")
        lines.append("")
        lines.append("relations:")
        let pairs = rangePairs(operation.parameters)
        if !pairs.isEmpty {
            lines.append("  # Candidate ranges by name: " + pairs.map { "\($0.lower) <= \($0.upper)" }.joined(separator: ", "))
        }
        lines.append("  - \(todo): '{kind: range, lower: P, upper: Q, on_conflict: empty|invalid} for each pair, or remove this section'")
        lines.append("")
        lines.append("filters:")
        lines.append("  # What each filter means for returned items (docs/spec-format.md); remove the entries of")
        lines.append("  # parameters that do not filter.")
        let plumbing = Set([guess.cursorParam, guess.pageSizeParam, guess.directionParam].compactMap { $0 })
        for parameter in operation.parameters where !plumbing.contains(parameter.name) {
            lines.append("  - {param: \(YAMLText.scalar(parameter.name)), field: \(todo), op: \(todo), visible: \(todo)}")
        }
    }

    private static func pagination(_ operation: ImportedOperation, guess: PaginationGuess, into lines: inout [String]) {
        let pageSize = guess.pageSizeParam.flatMap { operation.parameter(named: $0) }
        lines.append("")
        lines.append("pagination:")
        lines.append("  items_field: \(guess.itemsField.map(YAMLText.scalar) ?? todo)")
        lines.append("  id_field: \(guess.idField.map(YAMLText.scalar) ?? todo)")
        lines.append("  cursor_param: \(guess.cursorParam.map(YAMLText.scalar) ?? todo)")
        lines.append("  next_cursor_field: \(guess.nextCursorField.map(YAMLText.scalar) ?? todo)")
        lines.append("  has_more_field: \(guess.hasMoreField.map(YAMLText.scalar) ?? todo)")
        lines.append("  page_size_param: \(guess.pageSizeParam.map(YAMLText.scalar) ?? todo)")
        if let value = pageSize?.defaultValue { lines.append("  default_page_size: \(value)") }
        if let maximum = pageSize?.maximum { lines.append("  max_page_size: \(maximum)") }
        lines.append("  order:")
        lines.append("    key: \(todo)                   # the item field the list is sorted by")
        lines.append("    tie_break: \(todo)             # the item field that orders equal keys")
        if let direction = guess.directionParam, let parameter = operation.parameter(named: direction) {
            lines.append("    direction_param: \(YAMLText.scalar(direction))")
            if let value = parameter.defaultValue, value == "asc" || value == "desc" {
                lines.append("    default_direction: \(value)")
            }
        }
        lines.append("  growth: \(todo)                  # where new items appear during a run: head, anywhere or none")
    }

    private static func response(_ operation: ImportedOperation, into lines: inout [String]) {
        lines.append("")
        lines.append("response:")
        lines.append("  status: \(operation.successStatus)")
        if let schema = operation.responseSchema {
            YAMLText.schema(schema, key: "schema:", indent: 2, into: &lines)
        } else {
            lines.append("  schema: {type: object, \(todo): the success body schema}")
        }
        if !operation.definitions.isEmpty {
            lines.append("  definitions:")
            for definition in operation.definitions {
                YAMLText.schema(definition.schema, key: YAMLText.scalar(definition.name) + ":", indent: 4, into: &lines)
            }
        }
    }

    // MARK: Helpers

    private static func name(_ operation: ImportedOperation) -> String {
        let words = operation.path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let tail = words.suffix(2).joined(separator: "-").lowercased()
        return operation.method.lowercased() + "-" + (tail.isEmpty ? "root" : tail)
    }

    private static func role(of name: String, guess: PaginationGuess) -> ParameterRole? {
        if name == guess.cursorParam { return .cursor }
        if name == guess.pageSizeParam { return .pageSize }
        if name == guess.directionParam { return .sortDirection }
        return nil
    }

    /// Integer parameters whose names differ only by min/max or after/before.
    static func rangePairs(_ parameters: [ParameterSpec]) -> [(lower: String, upper: String)] {
        let integers = Set(parameters.filter { $0.valueType == .integer }.map(\.name))
        var pairs: [(lower: String, upper: String)] = []
        for name in parameters.map(\.name) where integers.contains(name) {
            for (low, high) in [("min", "max"), ("after", "before"), ("from", "to"), ("start", "end")] {
                let upper = name.replacingOccurrences(of: low, with: high)
                if upper != name, integers.contains(upper) { pairs.append((name, upper)) }
            }
        }
        return pairs
    }
}
