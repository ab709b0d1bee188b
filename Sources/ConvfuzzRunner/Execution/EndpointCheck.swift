import ConvfuzzJSON
import ConvfuzzOracle
import ConvfuzzSpec
import Foundation

/// Decides from the preflight's answer whether the endpoint is there at all.
///
/// A 404 or 405 at the spec's path, or a 2xx answer that is not JSON (an HTML page, plain text; a body
/// labelled JSON that does not parse is judged by the oracles instead), means
/// the target is misconfigured, not that the endpoint breaks its contract: the run stops (exit 3) with
/// what was seen and a hint, and nothing is recorded as a finding.
public struct EndpointCheck: Sendable {
    /// The base URL the user gave.
    public let target: String
    /// The spec's endpoint path.
    public let path: String

    /// Creates a check for a target base URL and the spec's endpoint path.
    public init(target: String, path: String) {
        self.target = target
        self.path = path
    }

    /// Nil when the answer looks like the endpoint; otherwise the reason the run must stop.
    public func misconfiguration(_ response: ObservedResponse, url: String) -> RunAbort? {
        guard let status = response.status else { return nil }
        if status == 404 || status == 405 {
            return .misconfigured(url: url, seen: "HTTP \(status) (\(status == 404 ? "not found" : "method not allowed"))",
                                  hint: pathHint)
        }
        guard (200..<300).contains(status) else { return nil }
        let contentType = (response.headers.first { $0.key.lowercased() == "content-type" }?.value ?? "").lowercased()
        let firstByte = response.body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if contentType.contains("html") || firstByte == UInt8(ascii: "<") {
            return .misconfigured(url: url, seen: "HTTP \(status) with an HTML page instead of JSON", hint: pathHint)
        }
        if response.body.isEmpty {
            return .misconfigured(url: url, seen: "HTTP \(status) with an empty body instead of JSON", hint: pathHint)
        }
        // A body that says it is JSON but does not parse is the endpoint answering wrongly (`CF-BODY-JSON`),
        // not a misconfiguration: only other media types are taken for "not the endpoint".
        if !contentType.contains("json"), (try? JSONParser.parse(response.body)) == nil {
            let kind = contentType.isEmpty ? "a body that is not JSON" : "a \(contentType) body that is not JSON"
            return .misconfigured(url: url, seen: "HTTP \(status) with \(kind)", hint: pathHint)
        }
        return nil
    }

    /// What to try: drop a path from the base URL, or check the URL.
    var pathHint: String {
        guard let components = URLComponents(string: target) else { return "check --target" }
        let basePath = components.path
        if !basePath.isEmpty && basePath != "/" {
            var base = components
            base.path = ""
            base.query = nil
            return "the base URL must not include the path (the spec adds \(path)); try --target \(base.string ?? target)"
        }
        return "is --target the API's base URL? The spec adds \(path) to it"
    }
}
