import ConvfuzzContract

/// Removes secrets from any text before it is printed or written.
///
/// Every report, corpus file and log line passes through a redactor holding the
/// run's API key, in plain and percent-encoded form.
public struct Redactor: Sendable {
    /// The replacement for a secret.
    public static let mask = "***"
    private let secrets: [String]

    /// Creates a redactor for these secrets (empty ones are ignored).
    public init(secrets: [String?]) {
        var forms: [String] = []
        for case let secret? in secrets where secret.count >= 1 {
            forms.append(secret)
            let encoded = QueryCodec.encode(secret)
            if encoded != secret { forms.append(encoded) }
        }
        self.secrets = forms.sorted { $0.count > $1.count }
    }

    /// A redactor that changes nothing.
    public static let none = Redactor(secrets: [])

    /// The text with every secret replaced by `***`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Redactor.mask)
        }
        return result
    }
}
