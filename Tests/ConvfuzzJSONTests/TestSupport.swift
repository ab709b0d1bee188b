import ConvfuzzJSON

/// Parses `text` expecting a failure; returns the error, or `nil` if it parsed.
func parseFailure(_ text: String) -> JSONParseError? {
    parseFailure(Array(text.utf8))
}

/// Parses `bytes` expecting a failure; returns the error, or `nil` if it parsed.
func parseFailure(_ bytes: [UInt8]) -> JSONParseError? {
    do throws(JSONParseError) {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}
