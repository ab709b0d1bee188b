import ConvfuzzSpec

extension ResponseOracle {
    /// `CF-CONTENT-TYPE` for a success response, `CF-ERROR-CONTENT-TYPE` for a validation error, when
    /// the `Content-Type` header is missing or names another media type than the spec declares
    /// (`response.media_type`, `errors.media_type`). Parameters such as `; charset=utf-8` are ignored,
    /// and so is the case of the media type. A response recorded without any header at all (a
    /// hand-built observation; a real HTTP/1.1 answer always carries its framing header) is not judged.
    public func mediaTypeFinding(_ response: ObservedResponse) -> Finding? {
        guard let status = response.status, !response.headers.isEmpty else { return nil }
        let check: CheckID
        let expected: String
        if status == spec.response.status {
            check = .contentType
            expected = spec.response.mediaType
        } else if status == spec.errors.validationStatus {
            check = .errorContentType
            expected = spec.errors.mediaType
        } else {
            return nil
        }
        guard let header = response.headers["content-type"] else {
            return Finding(check: check, detail: "missing",
                           message: "the HTTP \(status) response has no Content-Type header",
                           expected: "Content-Type: \(expected)", observed: "no Content-Type",
                           evidence: [Evidence(response)])
        }
        let mediaType = Self.mediaType(of: header)
        guard mediaType != expected else { return nil }
        return Finding(check: check, detail: mediaType,
                       message: "the HTTP \(status) response is served as \(mediaType.isEmpty ? "an empty media type" : mediaType), not \(expected)",
                       expected: "Content-Type: \(expected)", observed: "Content-Type: \(Excerpt.clip(header))",
                       evidence: [Evidence(response)])
    }

    /// The media type of a `Content-Type` value: before any `;`, trimmed, lower case.
    static func mediaType(of header: String) -> String {
        var head = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        while let first = head.first, first == " " || first == "\t" { head.removeFirst() }
        while let last = head.last, last == " " || last == "\t" { head.removeLast() }
        return head.lowercased()
    }
}
