/// A shell command that reproduces one request with curl, the key taken from the environment.
public enum CurlCommand {
    /// `curl -sS -g -H "header: $ENV" 'url'`; the URL is single-quoted for POSIX shells.
    public static func render(url: String, authHeader: String?, apiKeyEnv: String) -> String {
        var parts = ["curl", "-sS", "-g"]
        if let authHeader {
            parts.append("-H \"\(authHeader): $\(apiKeyEnv)\"")
        }
        parts.append(shellQuote(url))
        return parts.joined(separator: " ")
    }

    /// Quotes text for a POSIX shell with single quotes.
    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
