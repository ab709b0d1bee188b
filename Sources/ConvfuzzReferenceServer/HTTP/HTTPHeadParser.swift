/// Parses an HTTP/1.x request head (request line and header fields, without the final CRLF CRLF).
enum HTTPHeadParser {
    /// The result of parsing.
    enum Outcome {
        case head(HTTPRequestHead)
        case failure(status: Int)
    }

    /// Longest accepted request line (method, target, version).
    static let requestLineLimit = 32 * 1024
    /// Longest accepted head.
    static let headLimit = 64 * 1024

    static func parse(_ head: ArraySlice<UInt8>) -> Outcome {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == 0x0D, index + 1 < head.endIndex, head[index + 1] == 0x0A {
                lines.append(head[lineStart..<index])
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(head[lineStart..<head.endIndex])
        let requestLine = lines[0]
        if requestLine.count > requestLineLimit { return .failure(status: 414) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              let first = parts[1].first, first == 0x2F || first == 0x2A,
              !parts[1].contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            return .failure(status: 400)
        }
        let version = parts[2]
        let isHTTP11: Bool
        if version.elementsEqual("HTTP/1.1".utf8) { isHTTP11 = true }
        else if version.elementsEqual("HTTP/1.0".utf8) { isHTTP11 = false }
        else { return .failure(status: version.starts(with: "HTTP/".utf8) ? 505 : 400) }
        var result = HTTPRequestHead(
            method: String(decoding: parts[0], as: UTF8.self), target: Array(parts[1]),
            keepAlive: isHTTP11, apiKey: nil, apiKeyHeaderName: nil, contentLength: 0)
        var sawLength = false
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy(isTokenByte) else { return .failure(status: 400) }
            let name = line[line.startIndex..<colon]
            let value = trim(line[(colon + 1)...])
            if equalsIgnoringCase(name, "connection") {
                for token in value.split(separator: 0x2C) {
                    let option = trim(token)
                    if equalsIgnoringCase(option, "close") { result.keepAlive = false }
                    if equalsIgnoringCase(option, "keep-alive") { result.keepAlive = true }
                }
            } else if equalsIgnoringCase(name, "xi-api-key") {
                result.apiKey = String(decoding: value, as: UTF8.self)
                result.apiKeyHeaderName = String(decoding: name, as: UTF8.self)
            } else if equalsIgnoringCase(name, "content-length") {
                guard !value.isEmpty, value.count <= 12, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    return .failure(status: 400)
                }
                let length = value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if sawLength && length != result.contentLength { return .failure(status: 400) }
                sawLength = true
                result.contentLength = length
            } else if equalsIgnoringCase(name, "transfer-encoding") {
                return .failure(status: 400)
            }
        }
        return .head(result)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: return true
        default: return false
        }
    }

    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            zip(bytes, expected).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
        }
    }
}
