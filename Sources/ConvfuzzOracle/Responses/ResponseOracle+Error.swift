import ConvfuzzJSON
import ConvfuzzSpec

extension ResponseOracle {
    /// `CF-BODY-JSON`, `CF-ERROR-SHAPE` and `CF-ERROR-LOC` for a validation error body.
    func errorBodyFindings(parameters: [String], label: String?, response: ObservedResponse) -> [Finding] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(response.body)
        } catch {
            return [PageParser.bodyFinding(error, response: response)]
        }
        var findings = schemaFindings(validator.validateError(json), json: json, response: response, check: .errorShape)
        guard let locator, !parameters.isEmpty else { return findings }
        let locs = locator.locs(in: json)
        let prefix = spec.errors.locPrefix
        let names = locs.compactMap { loc -> String? in
            guard loc.count >= 2, loc[0].stringValue == prefix else { return nil }
            return loc[1].stringValue
        }
        func isNamed(_ parameter: String) -> Bool { names.contains { TextMatch.equal(parameter, $0) != false } }
        let named = parameters.contains(where: isNamed)
        // A cursor the target did not issue gets an error item naming the cursor, also beside other
        // problems (one item per problem): a server that looks at the cursor only once everything else
        // passed names the other problems and not the cursor.
        let cursor = spec.pagination.cursorParam
        let unnamed = parameters.contains(cursor) && !isNamed(cursor) ? [cursor] : []
        if named, !unnamed.isEmpty {
            let shown = locs.prefix(5).map { JSONValue.array($0).description }.joined(separator: ", ")
            findings.append(Finding(
                check: .errorLoc, parameter: label, detail: "unnamed:\(unnamed.joined(separator: ","))",
                message: "the validation error names some problems but not \(unnamed.joined(separator: ", ")), which is invalid too",
                expected: "one \(locator.locField) of [\"\(prefix)\", p, …] for each p in \(parameters.joined(separator: ", "))",
                observed: shown, evidence: [Evidence(response)]))
        }
        if !named {
            let shown = locs.prefix(5).map { JSONValue.array($0).description }.joined(separator: ", ")
            findings.append(Finding(
                check: .errorLoc, parameter: label, detail: locs.isEmpty ? "no-loc" : "other-loc",
                message: "no validation error names \(parameters.count == 1 ? parameters[0] : "any of " + parameters.joined(separator: ", "))",
                expected: "a \(locator.locField) of [\"\(prefix)\", p, …] for p in \(parameters.joined(separator: ", "))",
                observed: locs.isEmpty ? "no \(locator.locField) at all" : shown,
                evidence: [Evidence(response)]))
        }
        return findings
    }

    /// One finding per distinct (normalised path, kind) of schema violations.
    func schemaFindings(_ violations: [SchemaViolation], json: JSONValue, response: ObservedResponse, check: CheckID) -> [Finding] {
        var groups: [(key: String, items: [SchemaViolation])] = []
        for violation in violations {
            let key = violation.signatureDetail
            if let position = groups.firstIndex(where: { $0.key == key }) {
                groups[position].items.append(violation)
            } else {
                groups.append((key, [violation]))
            }
        }
        let schemaName = check == .errorShape ? "error_schema" : "response schema"
        return groups.prefix(20).map { group in
            let first = group.items[0]
            let more = group.items.count > 1 ? " (and \(group.items.count - 1) more at \(first.path.normalised))" : ""
            return Finding(check: check, detail: group.key, message: first.line + more,
                           expected: "the body conforms to the spec's \(schemaName)", observed: first.line,
                           evidence: [Evidence(response, excerpt: excerpt(json, at: first.path))])
        }
    }

    /// The JSON of the item containing a path (`items[i]`), or of the whole body.
    func excerpt(_ json: JSONValue, at path: JSONPath) -> String {
        var current = json
        var depth = 0
        for component in path.components {
            guard depth < 2 else { break }
            switch component {
            case .key(let key), .mapKey(let key):
                guard let next = current[key] else { return Excerpt.json(current) }
                current = next
            case .index(let index):
                guard let next = current[index] else { return Excerpt.json(current) }
                current = next
            }
            depth += 1
        }
        return Excerpt.json(depth == 2 ? current : json)
    }
}
