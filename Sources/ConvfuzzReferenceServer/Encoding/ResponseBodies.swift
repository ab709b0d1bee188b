/// The JSON bodies of list pages and errors.
enum ResponseBodies {
    /// `{"conversations":[...],"has_more":…,"next_cursor":…}`.
    static func page(_ page: PageResult, projection: ItemProjection, cursor: String?) -> [UInt8] {
        var w = JSONByteWriter(capacity: 256 + page.items.count * 900)
        w.raw("{\"conversations\":[")
        for (index, conversation) in page.items.enumerated() {
            if index > 0 { w.raw(",") }
            ConversationEncoder.write(conversation, projection: projection, to: &w)
        }
        w.raw("],\"has_more\":")
        w.bool(page.hasMore)
        w.raw(",\"next_cursor\":")
        if let cursor { w.string(cursor) } else { w.raw("null") }
        w.raw("}")
        return w.bytes
    }

    /// The 422 body: one item per issue (or the faulty shapes).
    static func validation(_ issues: [ValidationIssue], fault: ReferenceFault?) -> [UInt8] {
        var w = JSONByteWriter(capacity: 256)
        let asObject = fault == .errorDetailObject
        w.raw(asObject ? "{\"detail\":" : "{\"detail\":[")
        for (index, issue) in issues.enumerated() {
            if asObject && index > 0 { break }
            if index > 0 { w.raw(",") }
            w.raw("{\"type\":")
            w.string(issue.type)
            w.raw(",\"loc\":[\"query\"")
            if fault != .errorLocMissing {
                w.raw(",")
                w.string(issue.parameter)
                if let position = issue.index {
                    w.raw(",")
                    w.integer(Int64(position))
                }
            }
            w.raw("],\"msg\":")
            w.string(issue.message)
            w.raw(",\"input\":")
            w.string(issue.input)
            w.raw("}")
        }
        w.raw(asObject ? "}" : "]}")
        return w.bytes
    }

    /// `{"detail":"<text>"}`.
    static func detail(_ text: String) -> [UInt8] {
        var w = JSONByteWriter(capacity: 64)
        w.raw("{\"detail\":")
        w.string(text)
        w.raw("}")
        return w.bytes
    }

    /// The 401 body.
    static let invalidAPIKey: [UInt8] = Array(
        "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}".utf8)

    /// The HTML page of the `non-json-body` fault.
    static let htmlErrorPage: [UInt8] = Array(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n"
            .utf8)
}
