import ConvfuzzJSON
import ConvfuzzResults
import ConvfuzzSpec
import ConvfuzzTransport
import Foundation

/// `convfuzz replay --trace`: one line per answer the gateway receives, in the order they arrive, so
/// a reader sees a walk go page by page, each cursor taken from the previous answer.
///
/// A line holds the number of the request, the phase, the query (the cursor included), and what the
/// answer says in the spec's pagination terms: status, the page's item ids (first and last few), the
/// has-more flag and the next cursor. No header is printed, so no key can reach it.
public final class RequestTrace: @unchecked Sendable {
    // `count` is guarded by `lock`; `write` is called under it, so lines never interleave.
    private let pagination: PaginationSpec
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var count = 0

    /// A trace that hands each line (without a newline) to `write`.
    public init(spec: Spec, write: @escaping @Sendable (String) -> Void) {
        pagination = spec.pagination
        self.write = write
    }

    /// Records one answer to `query` (attempt 0 is the first try) in `phase`.
    func record(query: String, answer: Result<HTTPResponse, TransportError>, attempt: Int, phase: String) {
        let outcome: String
        switch answer {
        case .failure(let error): outcome = error.description
        case .success(let response): outcome = summary(response)
        }
        let retry = attempt > 0 ? " (retry \(attempt))" : ""
        lock.withLock {
            count += 1
            write("  #\(count) [\(phase)]\(retry) ?\(query)\n      → \(outcome)")
        }
    }

    // MARK: Helpers

    /// `200, 30 items [id, id, id … id], has_more=true, next_cursor=…`, or the status and the body's size.
    private func summary(_ response: HTTPResponse) -> String {
        let head = "\(response.status) in \(Int((response.timings.total * 1000).rounded())) ms"
        guard let body = try? JSONParser.parse(response.body), let items = body[pagination.itemsField]?.arrayValue else {
            return "\(head), \(response.body.count) bytes" + (response.body.isEmpty ? "" : ": " + Self.excerpt(response.body))
        }
        let ids = items.map { $0[pagination.idField].map(Self.text) ?? "?" }
        let shown = ids.count <= 6 ? ids.joined(separator: ", ")
                                   : (ids.prefix(3) + ["…"] + ids.suffix(2)).joined(separator: ", ")
        var parts = ["\(head), \(items.count) item\(items.count == 1 ? "" : "s") [\(shown)]"]
        if let more = body[pagination.hasMoreField] { parts.append("\(pagination.hasMoreField)=\(Self.text(more))") }
        if let cursor = body[pagination.nextCursorField] { parts.append("\(pagination.nextCursorField)=\(Self.text(cursor))") }
        return parts.joined(separator: ", ")
    }

    private static func text(_ value: JSONValue) -> String {
        if let string = value.stringValue { return string }
        return JSONWriter(style: .compact, sortedKeys: true).string(value)
    }

    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(160), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return body.count > 160 ? text + "…" : text
    }
}
