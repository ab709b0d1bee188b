import CCurl
import ConvfuzzHTTPSyntax

/// Checks that a request can be sent byte-exact before curl sees it.
///
/// What curl 7.88 does with URL bytes (measured; see the transport tests):
/// with `CURLOPT_PATH_AS_IS` set, every byte 0x21…0x7E except `#`, and every
/// byte ≥ 0x80, is sent exactly as given in path and query. That includes
/// `|`, `:`, `,`, `"`, `<`, `>`, `{`, `}`, `^`, `` ` ``, `\`, `[`, `]`,
/// stray `%` (`a=%`, `a=%zz`), `%00`, repeated keys, dot segments and values
/// of 100 KB and more. curl neither re-encodes nor decodes.
///
/// Rejected here with `.invalidURL` (nothing is sent):
/// - a URL not starting with `http://` or `https://` (curl would guess one);
/// - bytes 0x00…0x20 (NUL, control characters, space) and 0x7F: curl refuses them
///   (`CURLE_URL_MALFORMAT`), and in a request line they would break framing;
/// - `#`: curl silently strips everything from `#` on as a fragment.
enum RequestValidator {
    /// The `.invalidURL` error for a URL that cannot be sent byte-exact, or nil.
    static func urlError(_ url: String) -> TransportError? {
        let scheme = url.prefix(8).lowercased()
        guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://") else {
            return .invalidURL(reason: "URL must start with http:// or https:// (curl would guess a scheme)")
        }
        for (offset, byte) in url.utf8.enumerated() {
            if byte <= 0x20 || byte == 0x7F {
                return .invalidURL(reason: "byte 0x\(hex(byte)) at offset \(offset) cannot be sent raw; percent-encode it")
            }
            if byte == UInt8(ascii: "#") {
                return .invalidURL(reason: "'#' at offset \(offset) would be dropped as a fragment; percent-encode it as %23")
            }
        }
        return nil
    }

    /// A `.other(CURLE_BAD_FUNCTION_ARGUMENT)` error for a bad method or header, or nil.
    static func requestError(_ request: HTTPRequest) -> TransportError? {
        let badArgument = Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue)
        if !HTTPToken.isToken(request.method) {
            return .other(code: badArgument, reason: "method is not an HTTP token: \(request.method)")
        }
        for header in request.headers {
            if !HTTPToken.isToken(header.name) {
                return .other(code: badArgument, reason: "header name is not an HTTP token: \(header.name)")
            }
            if header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
                return .other(code: badArgument, reason: "header \(header.name) has CR, LF or NUL in its value")
            }
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
