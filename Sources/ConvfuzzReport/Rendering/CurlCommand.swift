import ConvfuzzResults

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

    /// `curl` with the auth header a reproduction needs, never key material.
    ///
    /// The run's key and the second key are sent as `$ENV`; a missing header is left out; an empty
    /// value uses curl's `-H "name;"`; another header-name spelling is sent as is. A wrong key is
    /// shown as `<$ENV, description>`: its bytes are derived from the key by `convfuzz replay`,
    /// and printing them would print part of the key.
    public static func render(url: String, authHeader: String, credential: RequestCredential, apiKeyEnv: String,
                              secondKeyEnv: String?) -> String {
        var parts = ["curl", "-sS", "-g"]
        switch credential {
        case .firstKey:
            parts.append("-H \"\(authHeader): $\(apiKeyEnv)\"")
        case .secondKey:
            parts.append("-H \"\(authHeader): $\(secondKeyEnv ?? "SECOND_API_KEY")\"")
        case .variant(let variant):
            switch variant {
            case .missingHeader:
                break
            case .emptyValue:
                parts.append("-H \"\(authHeader);\"")
            case .headerName(let name):
                parts.append("-H \"\(name): $\(apiKeyEnv)\"")
            default:
                parts.append("-H \"\(authHeader): <$\(apiKeyEnv), \(variant.description(header: authHeader))>\"")
            }
        }
        parts.append(shellQuote(url))
        return parts.joined(separator: " ")
    }

    /// Quotes text for a POSIX shell with single quotes.
    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
