import ConvfuzzJSON
import ConvfuzzSpec

/// Reads success bodies as pages through the spec's pagination fields.
public struct PageParser: Sendable {
    /// The pagination spec.
    public let pagination: PaginationSpec

    /// Creates a parser for a spec.
    public init(spec: Spec) {
        self.pagination = spec.pagination
    }

    /// Parses any bytes; never traps.
    public func parse(_ body: [UInt8]) -> Result<Page, PageParseFailure> {
        if let count = lazyOverMaximum(body) { return .failure(.overMaximum(count)) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            return .failure(.notJSON(error))
        }
        if let count = overMaximum(parsed: json) { return .failure(.overMaximum(count)) }
        return page(from: json)
    }

    /// Bodies larger than this are counted without parsing before they are parsed, so that a huge page
    /// is judged without building every item in memory; smaller ones are counted once parsed.
    public static let lazyCountThreshold = 256 * 1024

    /// ``overMaximum(_:)`` for a body over ``lazyCountThreshold``; nil (not counted) for a smaller one.
    public func lazyOverMaximum(_ body: [UInt8]) -> Int? {
        body.count > Self.lazyCountThreshold ? overMaximum(body) : nil
    }

    /// The item count (max + 1) when a parsed body's items array is longer than the spec's maximum page size.
    public func overMaximum(parsed json: JSONValue) -> Int? {
        guard let count = json[pagination.itemsField]?.arrayValue?.count, count > pagination.maxPageSize else { return nil }
        return pagination.maxPageSize + 1
    }

    /// The item count (max + 1) when the body's items array is longer than the spec's maximum page
    /// size, counted without parsing the items; nil otherwise.
    public func overMaximum(_ body: [UInt8]) -> Int? {
        guard let count = ItemCounter.count(body, field: pagination.itemsField, stopAfter: pagination.maxPageSize),
              count > pagination.maxPageSize else { return nil }
        return count
    }

    /// Reads a parsed body as a page.
    public func page(from json: JSONValue) -> Result<Page, PageParseFailure> {
        guard let items = json[pagination.itemsField]?.arrayValue else { return .failure(.noItems(json)) }
        let ids = items.compactMap { id(of: $0) }
        let cursorValue = json[pagination.nextCursorField]
        return .success(Page(items: items, ids: ids, hasMore: json[pagination.hasMoreField]?.boolValue,
                             nextCursor: cursorValue?.stringValue, nextCursorValue: cursorValue, json: json))
    }

    /// The id of an item: the wire text of its scalar id field.
    public func id(of item: JSONValue) -> String? {
        guard let value = item[pagination.idField], !value.isNull, value.arrayValue == nil, value.objectValue == nil else {
            return nil
        }
        return value.wireText
    }

    /// The `CF-BODY-JSON` finding for a body that is not JSON (nil for other failures).
    public func finding(for failure: PageParseFailure, response: ObservedResponse) -> Finding? {
        guard case .notJSON(let error) = failure else { return nil }
        return Self.bodyFinding(error, response: response)
    }

    /// The `CF-BODY-JSON` finding for a parse error, saying whether the body was truncated.
    public static func bodyFinding(_ error: JSONParseError, response: ObservedResponse) -> Finding {
        let truncated = error.isTruncation
        let what = response.body.isEmpty ? "empty" : (truncated ? "truncated" : "not-json")
        return Finding(check: .bodyJSON, detail: what,
                       message: response.body.isEmpty ? "the body is empty, not JSON"
                           : truncated ? "the body ends before the JSON value is complete (truncated at byte \(error.offset))"
                           : "the body is not JSON: \(error)",
                       expected: "one complete JSON value", observed: truncated ? "truncated JSON" : "\(error)",
                       evidence: [Evidence(response, around: error.offset)])
    }
}
