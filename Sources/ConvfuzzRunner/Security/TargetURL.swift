import Foundation

/// The target's base URL as the user gave it, and what of it is secret.
///
/// A base URL may carry credentials (`https://user:password@host`): libcurl sends them, and nothing
/// else may show them. ``withoutCredentials(_:)`` is the form every output uses; ``credentials(in:)``
/// are the strings every redactor of the run removes.
public enum TargetURL {
    // MARK: Credentials

    /// The URL without its userinfo (`user:password@`); any other URL is returned as it is.
    public static func withoutCredentials(_ url: String) -> String {
        guard let range = userinfoRange(url) else { return url }
        var out = url
        out.removeSubrange(range.lowerBound..<out.index(after: range.upperBound))
        return out
    }

    /// The secret parts of the URL's userinfo: the whole userinfo, the password, and the user name
    /// (each also percent-decoded). Empty without userinfo.
    public static func credentials(in url: String) -> [String] {
        guard let range = userinfoRange(url) else { return [] }
        let userinfo = String(url[range])
        var out = [userinfo]
        let parts = userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        out += parts
        for part in [userinfo] + parts {
            if let decoded = part.removingPercentEncoding, decoded != part { out.append(decoded) }
        }
        // A one- or two-letter part would mask every occurrence of those letters in every output:
        // such a part is masked in the URL itself (``withoutCredentials(_:)``) and nowhere else.
        return out.filter { $0.count >= 3 }
    }

    /// The range of `user:password` in `scheme://user:password@host…` (without the `@`), if any.
    static func userinfoRange(_ url: String) -> Range<String.Index>? {
        guard let scheme = url.range(of: "://") else { return nil }
        let authorityStart = scheme.upperBound
        let rest = url[authorityStart...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return authorityStart..<at
    }

    // MARK: Comparison

    /// A form for telling targets apart: no credentials, scheme and host lower-cased, no trailing slash.
    public static func comparable(_ url: String) -> String {
        var text = withoutCredentials(url)
        while text.hasSuffix("/") { text.removeLast() }
        guard let scheme = text.range(of: "://") else { return text.lowercased() }
        let rest = text[scheme.upperBound...]
        let hostEnd = rest.firstIndex { $0 == "/" } ?? text.endIndex
        return text[..<hostEnd].lowercased() + text[hostEnd...]
    }

    // MARK: Checking

    /// Why `text` cannot be a base URL (a sentence naming what is wrong, without its credentials),
    /// or nil when it can: an `http` or `https` URL with a host and neither a query nor a fragment.
    public static func problem(_ text: String) -> String? {
        let shown = withoutCredentials(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return "'\(shown)' is not a URL; give a base URL such as https://api.example.com"
        }
        guard scheme == "http" || scheme == "https" else {
            return "'\(shown)' uses the \(scheme): scheme; convfuzz tests HTTP APIs, so give an http:// or https:// base URL"
        }
        guard let host = components.host, !host.isEmpty else {
            return "'\(shown)' has no host; give a base URL such as https://api.example.com"
        }
        if components.percentEncodedQuery != nil {
            return "'\(withoutQuery(shown))' has a query string; a base URL takes none (the spec's parameters are the query), so pass the URL without '?…'"
        }
        if components.fragment != nil {
            return "'\(shown)' has a fragment ('#…'); a base URL takes none"
        }
        return nil
    }

    /// The URL up to its query or fragment (what may be shown of a URL whose query might hold a secret).
    static func withoutQuery(_ url: String) -> String {
        guard let index = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return url }
        return String(url[..<index])
    }
}
