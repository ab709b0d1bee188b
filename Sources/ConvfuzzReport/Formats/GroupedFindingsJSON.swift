import ConvfuzzJSON

/// The JSON report's `result.findings` in both directions: written as groups, read back as members.
enum GroupedFindingsJSON {
    // MARK: Writing

    /// Replaces `result.findings` of a report document with the encoded groups.
    static func replaceFindings(in document: inout JSONValue, with groups: JSONValue) {
        guard case .object(var top) = document, case .object(var result)? = top["result"] else { return }
        result["findings"] = groups
        top["result"] = .object(result)
        document = .object(top)
    }

    // MARK: Reading

    /// A document whose `result.findings` holds groups, with the groups replaced by their members in
    /// group order; a document whose findings are already flat (an older report) is returned as is.
    static func flattened(_ document: JSONValue) -> JSONValue {
        guard case .object(var top) = document, case .object(var result)? = top["result"],
              case .array(let entries)? = result["findings"] else { return document }
        var members: [JSONValue] = []
        for entry in entries {
            if case .object(let object) = entry, case .array(let inner)? = object["members"] {
                members.append(contentsOf: inner)
            } else {
                members.append(entry)
            }
        }
        result["findings"] = .array(members)
        top["result"] = .object(result)
        return .object(top)
    }
}
