/// Serializes responses to HTTP/1.1 bytes.
enum ResponseSerializer {
    /// The reason phrase of a status code.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 414: return "URI Too Long"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 505: return "HTTP Version Not Supported"
        default: return "Status"
        }
    }

    /// Head and (unless `headOnly`) body in one buffer.
    static func serialize(_ response: ReferenceResponse, close: Bool, headOnly: Bool, declaredExtra: Int = 0) -> [UInt8] {
        var w = JSONByteWriter(capacity: 160 + (headOnly ? 0 : response.body.count))
        w.raw("HTTP/1.1 ")
        w.integer(Int64(response.status))
        w.bytes.append(0x20)
        w.bytes.append(contentsOf: reason(response.status).utf8)
        if !response.contentType.isEmpty {
            w.raw("\r\nContent-Type: ")
            w.bytes.append(contentsOf: response.contentType.utf8)
        }
        w.raw("\r\nContent-Length: ")
        w.integer(Int64(response.body.count + declaredExtra))
        w.raw("\r\n")
        for header in response.extraHeaders {
            w.bytes.append(contentsOf: header.name.utf8)
            w.raw(": ")
            w.bytes.append(contentsOf: header.value.utf8)
            w.raw("\r\n")
        }
        if close { w.raw("Connection: close\r\n") }
        w.raw("\r\n")
        if !headOnly { w.bytes.append(contentsOf: response.body) }
        return w.bytes
    }

    /// A JSON error response produced by the HTTP layer itself.
    static func error(_ status: Int) -> ReferenceResponse {
        ReferenceResponse(status: status, body: ResponseBodies.detail(reason(status)))
    }
}
