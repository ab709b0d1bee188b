import ConvfuzzSpec

/// Lists the field paths a response schema declares: `a`, `items[].b`, `map{}.c`.
///
/// References are followed; a reference already on the current path is not entered again,
/// so recursive schemas give a finite list.
struct FieldWalker {
    /// One declared field.
    struct Field {
        /// Its path from the body root.
        var path: String
        /// Its enum values, if it is a closed string.
        var enumValues: [String]
    }

    /// Named schemas for `ref`.
    let definitions: [String: SchemaNode]

    // MARK: Walking

    /// Every field under `root`, depth first, in declaration order.
    func fields(_ root: SchemaNode) -> [Field] {
        var result: [Field] = []
        walk(root, prefix: "", visiting: [], into: &result)
        return result
    }

    private func walk(_ node: SchemaNode, prefix: String, visiting: Set<String>, into result: inout [Field]) {
        var visiting = visiting
        var current = node
        while let ref = current.ref {
            guard !visiting.contains(ref), let target = definitions[ref] else { return }
            visiting.insert(ref)
            current = target
        }
        for property in current.properties {
            let path = prefix.isEmpty ? property.name : "\(prefix).\(property.name)"
            let resolved = property.schema.resolved(in: definitions)
            result.append(Field(path: path, enumValues: resolved.enumValues))
            walk(property.schema, prefix: path, visiting: visiting, into: &result)
        }
        if let items = current.items {
            walk(items, prefix: prefix + "[]", visiting: visiting, into: &result)
        }
        if let additional = current.additional {
            walk(additional, prefix: prefix + "{}", visiting: visiting, into: &result)
        }
    }

}
